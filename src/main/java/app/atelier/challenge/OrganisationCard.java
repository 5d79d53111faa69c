package app.atelier.challenge;

/** An organisation in the directory: its logo (a picture's name, or null) and how many of its challenges anyone can see, and are open. */
public record OrganisationCard(long id, String name, String logo, long openChallenges, long challenges) {
}

package app.atelier.challenge;

/** An organisation as a choice in a filter. */
public record OrganisationName(long id, String name) {
}

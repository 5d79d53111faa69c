package app.atelier.challenge;

public record TeamMember(long memberId, String name, boolean lead) {
}

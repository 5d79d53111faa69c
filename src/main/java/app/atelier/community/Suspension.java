package app.atelier.community;

public record Suspension(long memberId, String name, String reason) {
}

package app.atelier.organisation;

public record StaffMember(long memberId, String name, String email, StaffRole role) {
}

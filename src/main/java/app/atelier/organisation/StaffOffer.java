package app.atelier.organisation;

/** A place on an organisation's staff offered to a member, waiting for their answer. */
public record StaffOffer(long organisationId, String organisationName, StaffRole role, String offeredBy) {
}

package app.atelier.organisation;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class OrganisationShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("organisation_staff.member_id", EXPORTED_AND_ERASED)
            .column("staff_offer.member_id", EXPORTED_AND_ERASED)
            .column("staff_offer.offered_by", NOT_THEIRS)
            .export("organisation_roles", "SELECT o.name AS organisation, s.role, s.added_at FROM organisation_staff s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id")
            .export("staff_offers_received", "SELECT o.name AS organisation, s.role, s.offered_at FROM staff_offer s JOIN organisation o ON o.id = s.organisation_id WHERE s.member_id = :id");

    private OrganisationShare() {
    }
}

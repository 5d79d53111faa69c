package app.atelier.platformreport;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/**
 * What this feature holds about a member: the tax details the yearly report asked of them, exported, and kept when they
 * leave, since the report of a year they were paid in rests on them and the law keeps its records for years.
 */
public final class PlatformReportShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("seller_tax.member_id", EXPORTED_AND_KEPT)
            .export("tax_details", "SELECT birth_date, tax_number, tax_country, updated_at FROM seller_tax WHERE member_id = :id");

    private PlatformReportShare() {
    }
}

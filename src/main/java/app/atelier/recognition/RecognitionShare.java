package app.atelier.recognition;

import static app.atelier.db.MemberData.Treatment.*;

import app.atelier.db.MemberData;

/** What this feature holds about a member, for their download and for when they leave. */
public final class RecognitionShare {
    public static final MemberData MEMBER_DATA = MemberData.none()
            .column("recognition_event.member_id", DERIVED)
            .column("recognition_points.member_id", EXPORTED_AND_KEPT)
            .column("recognition_count.member_id", EXPORTED_AND_KEPT)
            // Organisation 0 is all of Atelier; month 0 is all time.
            .export("recognition_points", "SELECT organisation_id, month, points FROM recognition_points WHERE member_id = :id ORDER BY organisation_id, month")
            .export("recognition_counts", "SELECT kind, events FROM recognition_count WHERE member_id = :id ORDER BY kind");

    private RecognitionShare() {
    }
}

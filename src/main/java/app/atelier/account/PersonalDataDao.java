package app.atelier.account;

import app.atelier.db.MemberData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Runs the features' shares of a member's data: every part of the export reads one member's rows. */
interface PersonalDataDao extends SqlObject {
    default Map<String, List<Map<String, Object>>> export(List<MemberData> shares, long id) {
        var parts = new LinkedHashMap<String, List<Map<String, Object>>>();
        shares.forEach(share -> share.exports().forEach((part, query) -> parts.put(part, getHandle().createQuery(query).bind("id", id).mapToMap().list())));
        return parts;
    }

    /** Deletes the rows that go, then scrubs those that stay; a scrub binds the member and the address replacing theirs. */
    default void erase(List<MemberData> shares, long id, String erased) {
        for (MemberData share : shares) {
            share.deletes().forEach(delete -> getHandle().createUpdate(delete).bind("id", id).execute());
            share.scrubs().forEach(scrub -> getHandle().createUpdate(scrub).configure(SqlStatements.class, s -> s.setUnusedBindingAllowed(true))
                    .bind("id", id).bind("erased", erased).execute());
        }
    }

    @SqlQuery("""
            SELECT count(*) > 0 FROM organisation_staff s WHERE s.member_id = :id AND s.role = 'OWNER'
            AND NOT EXISTS (SELECT 1 FROM organisation_staff o WHERE o.organisation_id = s.organisation_id AND o.role = 'OWNER' AND o.member_id <> :id)""")
    boolean onlyOwner(long id);
}

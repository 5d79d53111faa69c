package app.atelier.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CalendarDao.Dates.class)
interface CalendarDao {
    @SqlUpdate("""
            INSERT INTO calendar_feed (member_id, secret_hash, created_at) VALUES (:memberId, :secretHash, :now)
            ON CONFLICT (member_id) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at""")
    void make(long memberId, String secretHash, Instant now);

    @SqlUpdate("DELETE FROM calendar_feed WHERE member_id = :memberId")
    int revoke(long memberId);

    @SqlQuery("SELECT created_at FROM calendar_feed WHERE member_id = :memberId")
    Optional<Instant> madeAt(long memberId);

    @SqlQuery("SELECT member_id FROM calendar_feed WHERE secret_hash = :secretHash")
    Optional<Long> owner(String secretHash);

    /** Who a feed is for, and the language its events are named in. */
    record Owner(long id, String name, String locale) {
    }

    @SqlQuery("SELECT id, name, locale FROM member WHERE id = :memberId")
    @RegisterConstructorMapper(Owner.class)
    Owner member(long memberId);

    /** A challenge's opening and closing days. */
    record Dates(long id, String title, Instant opensAt, Instant closesAt) {
    }

    /** The challenges past their draft that the member runs (on the staff of their organisation) or took part in, by contributing or commenting. */
    @SqlQuery("""
            SELECT c.id, c.title, c.opens_at, c.closes_at FROM challenge c
            WHERE c.state <> 'DRAFT' AND (c.opens_at IS NOT NULL OR c.closes_at IS NOT NULL) AND (
                  c.organisation_id IN (SELECT organisation_id FROM organisation_staff WHERE member_id = :memberId)
               OR c.id IN (SELECT challenge_id FROM contribution WHERE author_id = :memberId)
               OR c.id IN (SELECT k.challenge_id FROM comment m JOIN contribution k ON k.id = m.contribution_id WHERE m.author_id = :memberId))
            ORDER BY c.id DESC LIMIT :limit""")
    List<Dates> challenges(long memberId, int limit);
}

package app.atelier.fee;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface FeeDao {
    @SqlQuery("SELECT value FROM platform_setting WHERE name = 'fee_rate_bp'")
    int rate();

    @SqlUpdate("UPDATE platform_setting SET value = :bp WHERE name = 'fee_rate_bp'")
    void setRate(int bp);
}

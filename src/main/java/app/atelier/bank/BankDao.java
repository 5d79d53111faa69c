package app.atelier.bank;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PayeeAccount.class)
interface BankDao {
    @SqlQuery("SELECT iban, bic, holder, changed_at, held_until FROM bank_details WHERE member_id = :memberId")
    Optional<PayeeAccount> find(long memberId);

    @SqlUpdate("""
            INSERT INTO bank_details (member_id, iban, bic, holder, changed_at, held_until) VALUES (:memberId, :iban, :bic, :holder, :now, :heldUntil)
            ON CONFLICT (member_id) DO UPDATE SET iban = excluded.iban, bic = excluded.bic, holder = excluded.holder, changed_at = excluded.changed_at,
                                                  held_until = excluded.held_until""")
    void save(long memberId, String iban, String bic, String holder, Instant now, Instant heldUntil);
}

package app.atelier.reward;

import app.atelier.organisation.Organisation;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Organisation.class)
interface WalletDao {
    @SqlQuery("SELECT currency FROM organisation WHERE id = :organisationId")
    String currency(long organisationId);

    @SqlQuery("SELECT currency FROM organisation WHERE id = :organisationId")
    Optional<String> currencyIfAny(long organisationId);

    @SqlQuery("SELECT id, name, description, created_at FROM organisation WHERE id = :organisationId")
    Organisation organisation(long organisationId);
}

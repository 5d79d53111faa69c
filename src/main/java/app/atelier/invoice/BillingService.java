package app.atelier.invoice;

import app.atelier.db.Database;
import app.atelier.fee.VatCase;
import app.atelier.fee.VatTerms;
import app.atelier.organisation.OrganisationAccess;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Who is who on the documents: an organisation's billing profile, kept by its owner, and each payee's own profile. */
public final class BillingService {
    private final Database db;
    private final Clock clock;

    public BillingService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Writes the operator's VAT status where the agreements' terms read it, at each start. */
    public void declare(Operator operator) {
        db.execute(h -> h.attach(BillingDao.class).operatorExempt(operator.vatExempt() ? 1 : 0));
    }

    /** The billing profile an owner edits, or an empty one named after the organisation. */
    public Optional<Party> billing(Viewer viewer, long organisationId) {
        return db.read(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.owns());
            return h.attach(BillingDao.class).billing(organisationId);
        });
    }

    public void saveBilling(Viewer viewer, long organisationId, Party party) {
        db.execute(h -> {
            var access = OrganisationAccess.of(h, viewer, organisationId);
            access.require(access.owns());
            Invalid.unless(party.errors(party.french(), false));
            h.attach(BillingDao.class).saveBilling(organisationId, party, viewer.id(), clock.instant());
        });
    }

    /** The organisation's billing profile, which it must have before it commits money to anyone. */
    public static Party requireBilling(Handle h, long organisationId) {
        return h.attach(BillingDao.class).billing(organisationId).orElseThrow(() -> new HttpProblem.Conflict("billing.required"));
    }

    /** The VAT terms a payment to this member would be agreed on now: their profile's case, the rate in force, the operator's status. */
    public static VatTerms terms(Handle h, long memberId) {
        var vatCase = payee(h, memberId).map(PayeeProfile::vatCase).orElse(VatCase.PRIVATE);
        int rate = h.createQuery("SELECT coalesce(" + Billing.VAT_RATE + ", 0)").mapTo(Integer.class).one();
        boolean exempt = h.createQuery("SELECT " + Billing.OPERATOR_EXEMPT).mapTo(Integer.class).one() != 0;
        return VatTerms.of(vatCase, rate, exempt);
    }

    public Optional<PayeeProfile> payee(Viewer viewer) {
        return db.read(h -> payee(h, viewer.id()));
    }

    public static Optional<PayeeProfile> payee(Handle h, long memberId) {
        return h.attach(BillingDao.class).payee(memberId).map(row -> row.profile(memberId));
    }

    public void savePayee(Viewer viewer, PayeeForm form) {
        Invalid.unless(form.errors());
        db.execute(h -> h.attach(BillingDao.class).savePayee(viewer.id(), form.chosenKind(), form.chosenKind() == PayeeProfile.Kind.BUSINESS ? form.chosenRegime() : null,
                form.kept(), form.mandate() && form.chosenKind() == PayeeProfile.Kind.BUSINESS ? clock.instant() : null, clock.instant()));
    }
}

package app.atelier.fee;

import app.atelier.db.Database;
import app.atelier.ledger.Amounts;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Viewer;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The rate the platform admin sets. It applies to agreements made from then on: each offer, task, session and plan
 * keeps the rate in force when it was agreed ({@link #frozen}).
 */
public final class FeeRates {
    private final Database db;

    public FeeRates(Database db) {
        this.db = db;
    }

    /** The fee at the rate in force now. */
    public static Fee current(Handle h) {
        return new Fee(h.attach(FeeDao.class).rate());
    }

    /** The fee an agreement froze, or the one in force now for an agreement not yet made. */
    public static Fee frozen(Handle h, Integer rateBp) {
        return rateBp == null ? current(h) : new Fee(rateBp);
    }

    public Fee current() {
        return db.read(FeeRates::current);
    }

    public void set(Viewer admin, String percent, Locale locale) {
        if (!admin.admin()) throw new HttpProblem.Forbidden();
        var rate = Amounts.parse(percent, locale, "EUR");
        if (rate.isEmpty() || rate.get() > Fee.MOST_BP) throw Invalid.of("feeRate", "offer.feeRate", Fee.MOST_BP / 100);
        db.execute(h -> h.attach(FeeDao.class).setRate(rate.get().intValue()));
    }
}

package app.atelier.bank;

import app.atelier.account.AccountService;
import app.atelier.db.Database;
import app.atelier.notification.Notifier;
import app.atelier.web.Invalid;
import app.atelier.web.Text;
import app.atelier.web.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where payees are paid. Giving or changing one's bank details asks for the password again; a change is told to the
 * member's address and holds their payouts for {@link #HOLD}, so that someone who took over an account cannot have
 * its earnings sent elsewhere before its owner hears of it.
 */
public final class BankService {
    public static final Duration HOLD = Duration.ofDays(2);

    private final Database db;
    private final Clock clock;
    private final AccountService accounts;
    private final Notifier notifier;

    public BankService(Database db, Clock clock, AccountService accounts, Notifier notifier) {
        this.db = db;
        this.clock = clock;
        this.accounts = accounts;
        this.notifier = notifier;
    }

    /** The member's account as kept, and whether a change of it holds their payouts now. */
    public record Kept(PayeeAccount account, boolean held) {
    }

    public Optional<Kept> account(Viewer viewer) {
        return db.read(h -> payee(h, viewer.id())).map(a -> new Kept(a, a.held(clock.instant())));
    }

    /** The account a member's payouts go to, if they gave one. */
    public static Optional<PayeeAccount> payee(Handle h, long memberId) {
        return h.attach(BankDao.class).find(memberId);
    }

    public void save(Viewer viewer, BankAccount typed, String password) {
        Invalid.unless(typed.errors());
        accounts.requirePassword(viewer, password, "password");
        var member = accounts.member(viewer.id());
        var now = clock.instant();
        db.execute(h -> {
            var before = payee(h, viewer.id());
            if (before.isPresent() && before.get().account().equals(typed)) return;
            var heldUntil = before.isPresent() ? now.plus(HOLD) : now;
            h.attach(BankDao.class).save(viewer.id(), typed.iban(), typed.bic(), typed.holder(), now, heldUntil);
            if (before.isPresent()) {
                var text = Text.of(member.locale() == null ? Text.FRENCH : Locale.forLanguageTag(member.locale()), clock.getZone());
                notifier.email(h, member.email(), text, "email.bankChanged", "/account/bank", now, masked(typed.iban()), text.moment(heldUntil));
            }
        });
    }

    /** The IBAN as an email may show it: its country, and its last four characters. */
    static String masked(String iban) {
        return iban.substring(0, 2) + "…" + iban.substring(iban.length() - 4);
    }
}

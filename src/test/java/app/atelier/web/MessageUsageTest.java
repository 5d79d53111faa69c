package app.atelier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.atelier.account.ApiToken;
import app.atelier.challenge.Arrangement;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.Mode;
import app.atelier.challenge.Stage;
import app.atelier.challenge.Visibility;
import app.atelier.community.Decision;
import app.atelier.community.Eligibility;
import app.atelier.community.MembershipState;
import app.atelier.contribution.ContributionStatus;
import app.atelier.contribution.FlagReason;
import app.atelier.contribution.ItemType;
import app.atelier.contribution.Sort;
import app.atelier.fee.VatCase;
import app.atelier.invoice.Document;
import app.atelier.invoice.Objection;
import app.atelier.invoice.PayeeProfile;
import app.atelier.ledger.Event;
import app.atelier.notification.Delivery;
import app.atelier.notification.NotificationKind;
import app.atelier.notification.WebhookEvent;
import app.atelier.organisation.StaffRole;
import app.atelier.search.SearchQuery;
import app.atelier.webhook.WebhookEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word of the interface comes from the bundles: none missing, none left behind. */
class MessageUsageTest {
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9_]+)+)\"");
    /** Keys built at run time from a prefix: relative times and error titles by status. */
    private static final Set<String> BUILT_PREFIXES = Set.of("time.ago.", "time.left.", "error.title.", "audit.response.", "audit.agreement.", "audit.membership.", "challenge.moveTo.", "challenge.since.", "audit.flag.", "audit.moderation.", "notification.", "email.invitation.", "email.verify.", "email.reset.", "email.signupTaken.", "email.emailChanging.", "email.bankChanged.", "email.sessionInvitation.", "email.sessionCancelled.", "webhook.chat.", "account.notice.", "offer.state.", "session.state.", "badge.", "level.", "community.inState.", "community.nobody.", "help.", "ledger.hold.", "notice.moved.", "notice.approve", "notice.decline", "notice.remove");

    @Test
    void everyKeyIsUsedAndEveryUsedKeyExists() throws IOException {
        Set<String> defined = MessagesTest.keys("en");
        Set<String> used = new TreeSet<>(literalKeys(Path.of("templates"), Path.of("src/main/java")));
        used.retainAll(defined);
        Stream.of(Stage.values(), Mode.values(), ContributionKind.values(), ChallengeState.values(),
                        ContributionStatus.values(), StaffRole.values(), Sort.values(),
                        MembershipState.values(), Eligibility.values(), Decision.values(),
                        FlagReason.values(), ItemType.values(),
                        NotificationKind.values(), Delivery.values(),
                        Visibility.values(), SearchQuery.Found.values(), Event.values(), Arrangement.values(), VatCase.values(), Document.Kind.values(), Objection.Outcome.values(), WebhookEvent.values())
                .flatMap(Arrays::stream)
                .forEach(e -> used.add(key(e)));
        Arrays.stream(Mode.values()).forEach(m -> used.add(m.key() + ".hint"));
        Arrays.stream(Visibility.values()).forEach(v -> used.add(v.key() + ".hint"));
        Stream.of(PayeeProfile.Kind.values(), PayeeProfile.Regime.values(), ApiToken.Scope.values(), WebhookEndpoint.Kind.values()).flatMap(Arrays::stream).forEach(e -> {
            used.add(key(e));
            used.add(key(e) + ".hint");
        });
        for (var kind : ContributionKind.values()) {
            for (String prefix : List.of("contribute.", "contribution.new.", "contribution.title.", "contribution.body.")) {
                used.add(prefix + kind.name().toLowerCase(Locale.ROOT));
            }
        }

        var unused = new TreeSet<>(defined);
        unused.removeAll(used);
        unused.removeIf(k -> BUILT_PREFIXES.stream().anyMatch(k::startsWith));
        assertEquals(Set.of(), unused, "keys no page or message uses");

        var missing = new TreeSet<>(literalKeys(Path.of("templates")));
        missing.removeAll(defined);
        missing.removeIf(k -> k.endsWith(".jte") || k.startsWith("app.atelier") || k.startsWith("java."));
        assertEquals(Set.of(), missing, "keys the templates use but the bundles lack");
    }

    private static String key(Enum<?> value) {
        try {
            return (String) value.getDeclaringClass().getMethod("key").invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(value + " has no key()", e);
        }
    }

    private static Set<String> literalKeys(Path... roots) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path root : roots) {
            try (var files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    try {
                        var m = LITERAL.matcher(Files.readString(file));
                        while (m.find()) keys.add(m.group(1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return keys;
    }
}

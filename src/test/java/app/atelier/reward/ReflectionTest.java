package app.atelier.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.invoice.Documents;
import app.atelier.invoice.Operator;
import app.atelier.ledger.Ledger;
import app.atelier.notification.Notifier;
import app.atelier.reward.reflection.ReflectionService;
import app.atelier.support.Browser;
import app.atelier.support.Site;
import app.atelier.support.TestClock;
import app.atelier.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pay what you wish, after reflection, through the running app: promised in the plan, begun by the decision,
 * reminded once when it runs out, pending on the challenge until paid, paid once with the marketplace fee, and
 * shown in aggregate on the organisation's page.
 */
class ReflectionTest {
    @TempDir
    Path dir;

    /** Maison Vidal, 100.00 EUR in its wallet, a challenge promising pay-what-you-wish within 7 days; three contributors. */
    private record Scene(Site site, Browser owner, long organisation, long challenge, List<Browser> contributors) {
        String reflection() {
            return "/challenges/" + challenge + "/reflection";
        }

        long earnings(Browser member) {
            return site.count("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE kind = 'EARNINGS' AND owner_id = ?", member.memberId);
        }

        long wallet() {
            return site.count("SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE kind = 'WALLET' AND owner_id = ?", organisation);
        }

        /** The reminder job, as any instance runs it, on its own connections. */
        int remindDue() {
            return site.withDatabase(db -> new ReflectionService(db, site.clock, new Ledger(site.clock), new Notifier("http://localhost", Config.HOME_ZONE), Config.Ceilings.DEFAULT.paymentWithoutConfirming(),
                    new Documents(Operator.DEMO, site.clock, new Notifier("http://localhost", Config.HOME_ZONE).webhooks())).remindDue());
        }

        String[] pay(String mode, String total, String message, String... perContributor) {
            var fields = new ArrayList<>(List.of("mode", mode, "total", total, "message", message));
            for (int i = 0; i < contributors.size(); i++) {
                fields.add((mode.equals("EACH") ? "amount-" : "weight-") + contributors.get(i).memberId);
                fields.add(perContributor[i]);
            }
            return fields.toArray(String[]::new);
        }
    }

    private Config config() {
        return TestDatabase.config(dir).withAdmins("admin@example.test");
    }

    private void run(SceneSteps steps) {
        run(new TestClock(Site.START), steps);
    }

    private void run(TestClock clock, SceneSteps steps) {
        Site.run(config(), clock, site -> {
            var owner = site.member("Claire Vidal");
            long organisation = site.organisation(owner, "Maison Vidal");
            site.deposit(site.admin(), organisation, "100");
            long challenge = site.challenge(owner, organisation, "A lighter lid");
            String prizes = "/challenges/" + challenge + "/prizes";
            for (String[] bad : new String[][] {{"0", "", ""}, {"61", "", ""}, {"x", "", ""}, {"7", "1.234", ""}, {"7", "-3", ""}, {"7", "50", "10"}}) {
                assertEquals(422, owner.post(prizes, "reflect", "yes", "reflectionDays", bad[0], "suggestedLow", bad[1], "suggestedHigh", bad[2]).code(),
                        String.join(" ", bad));
            }
            assertEquals(0, site.count("SELECT count(*) FROM reward_plan WHERE reflection_days IS NOT NULL"));
            assertEquals(302, owner.post(prizes, "reflect", "yes", "reflectionDays", "7", "suggestedLow", "10", "suggestedHigh", "50").code());
            assertEquals(302, site.move(owner, challenge, "OPEN").code());
            var contributors = new ArrayList<Browser>();
            for (String name : new String[] {"Ana Idea", "Ben Report", "Cat Test"}) {
                var member = site.member(name);
                site.contribute(member, challenge, "From " + name);
                contributors.add(member);
            }
            steps.run(new Scene(site, owner, organisation, challenge, contributors));
        });
    }

    private interface SceneSteps {
        void run(Scene scene) throws Exception;
    }

    @Test
    void theDecisionStartsTheReflectionWhoseEndIsRemindedOnceAndThePaymentIsSplitAndPaidOnce() {
        run(s -> {
            var ana = s.contributors().get(0);
            assertTrue(ana.page("/challenges/" + s.challenge()).contains("takes 7 days to decide what the work was worth"), "promised up front");
            assertEquals(409, s.owner().get(s.reflection()).code(), "not before the decision");
            assertEquals(302, s.site().move(s.owner(), s.challenge(), "REVIEW").code());
            assertEquals(302, s.site().move(s.owner(), s.challenge(), "DECIDED").code());

            assertEquals(403, ana.get(s.reflection()).code(), "a contributor does not decide");
            assertEquals(403, ana.post(s.reflection(), s.pay("EACH", "", "", "100", "0", "0")).code(), "nor pay themselves");
            assertEquals(302, s.site().visitor().get(s.reflection()).code());
            String page = s.owner().page(s.reflection());
            assertTrue(page.contains("Ana Idea") && page.contains("Ben Report") && page.contains("Cat Test"), "what the company received");

            s.site().clock.advance(Duration.ofDays(7).plusMinutes(1));
            assertEquals(1, s.remindDue());
            assertEquals(0, s.remindDue(), "reminded once, whichever instance and after a restart");
            assertEquals(1, s.site().count("SELECT count(*) FROM notification WHERE kind = 'REWARD' AND detail_key = 'reflection.reminder'"));
            assertTrue(ana.page("/challenges/" + s.challenge()).contains("Payment pending"));

            String[] broken = {"x", "1.234", "-5"};
            for (String bad : broken) {
                assertEquals(422, s.owner().post(s.reflection(), s.pay("EACH", "", "", bad, "1", "1")).code(), bad);
            }
            assertEquals(422, s.owner().post(s.reflection(), s.pay("SPLIT", "30", "", "", "", "")).code(), "a total needs a weight");
            assertEquals(422, s.owner().post(s.reflection(), s.pay("SPLIT", "30", "", "1", "x", "1")).code());
            assertEquals(422, s.owner().post(s.reflection(), s.pay("SPLIT", "30", "x".repeat(2001), "1", "1", "1")).code());
            var unfunded = s.owner().post(s.reflection(), s.pay("EACH", "", "Thanks", "60", "60", "0"));
            assertEquals(422, unfunded.code());
            String refused = unfunded.body().string();
            assertTrue(refused.contains("€120.00") && refused.contains("€20.00"), "says what is missing");
            assertTrue(refused.contains("value=\"60\""), "keeps what was typed");
            assertEquals(0, s.site().count("SELECT count(*) FROM reflection WHERE paid_at IS NOT NULL"));
            assertEquals(0, s.site().count("SELECT count(*) FROM reflection_share"));
            assertEquals(100_00, s.wallet(), "nothing saved");

            assertEquals(302, s.owner().post(s.reflection(), s.pay("SPLIT", "30", "Thank you <b>all</b>", "2", "1", "0")).code());
            assertEquals(409, s.owner().post(s.reflection(), s.pay("SPLIT", "30", "Again", "2", "1", "0")).code(), "paid once");
            // 20.00 and 10.00, less 15 % and its 20 % VAT: 16.40 and 8.20; nothing for the third, said plainly.
            assertEquals(16_40, s.earnings(ana));
            assertEquals(8_20, s.earnings(s.contributors().get(1)));
            assertEquals(List.of("2000", "1000"), s.site().texts("SELECT total FROM document WHERE kind = 'PAYMENT_STATEMENT' ORDER BY total DESC"),
                    "a statement for each one paid, none for nothing");
            assertEquals(0, s.earnings(s.contributors().get(2)));
            assertEquals(70_00, s.wallet());
            String seen = ana.page("/challenges/" + s.challenge());
            assertTrue(seen.contains("The company paid €30.00 after reflection.") && seen.contains("To you: €20.00, that is €17.00 after the platform fee (15 %)."));
            assertTrue(seen.contains("Thank you &lt;b&gt;all&lt;/b&gt;"), "the message, escaped");
            assertFalse(seen.contains("Payment pending"));
            assertTrue(s.site().count("SELECT count(*) FROM notification WHERE detail_key = 'reflection.paidNotice'") >= 3, "each contributor told");
            assertTrue(s.site().visitor().page("/organisations/" + s.organisation()).contains("Pays after reflection: 1 of 1 times, €30.00 in all, €30.00 on average."));
        });
    }

    @Test
    void theEndOfTheReflectionIsRemindedOnceAcrossRestarts() throws Exception {
        var clock = new TestClock(Site.START);
        run(clock, s -> {
            s.site().move(s.owner(), s.challenge(), "REVIEW");
            s.site().move(s.owner(), s.challenge(), "DECIDED");
        });
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        String reminders = "SELECT count(*) FROM notification WHERE detail_key = 'reflection.reminder'";
        for (int restart = 0; restart < 2; restart++) {
            Site.run(config(), clock, site -> {
                // The restarted app's scheduler runs its jobs as it starts.
                for (int wait = 0; wait < 200 && site.count("SELECT count(*) FROM reflection WHERE reminded_at IS NOT NULL") == 0; wait++) Thread.sleep(50);
                assertEquals(1, site.count(reminders), "reminded once, by the first start after the end");
            });
        }
    }

    @Test
    void payingNothingIsAllowedAndSaidPlainly() {
        run(s -> {
            s.site().move(s.owner(), s.challenge(), "REVIEW");
            s.site().move(s.owner(), s.challenge(), "DECIDED");
            assertEquals(302, s.owner().post(s.reflection(), s.pay("EACH", "", "", "0", "", "0")).code());
            assertTrue(s.contributors().get(0).page("/challenges/" + s.challenge()).contains("The company decided to pay nothing after reflection."));
            assertEquals(0, s.site().count("SELECT count(*) FROM ledger_transaction WHERE idempotency_key LIKE 'reflection:%'"));
            s.site().clock.advance(Duration.ofDays(8));
            assertEquals(0, s.remindDue(), "a period paid, even with nothing, is not reminded");
            assertTrue(s.site().visitor().page("/organisations/" + s.organisation()).contains("1 of 1 times, €0.00 in all"));
        });
    }

    @Test
    void aTaskPaidWhatTheCompanyWishesIsReceivedThenPaidOnceAfterReflection() {
        run(s -> {
            var owner = s.owner();
            var ana = s.contributors().get(0);
            var ben = s.contributors().get(1);
            String tasks = "/challenges/" + s.challenge() + "/tasks";
            for (String[] bad : new String[][] {{"100", "yes", "5", "", ""}, {"", "", "5", "", ""}, {"", "yes", "0", "", ""}, {"", "yes", "61", "", ""},
                {"", "yes", "x", "", ""}, {"", "yes", "5", "1.234", ""}, {"", "yes", "5", "-3", ""}, {"", "yes", "5", "50", "10"}}) {
                var fields = new ArrayList<>(List.of("title", "Home test panel", "brief", "Two weeks", "price", bad[0], "reflectionDays", bad[2],
                        "suggestedLow", bad[3], "suggestedHigh", bad[4]));
                if (!bad[1].isEmpty()) fields.addAll(List.of("reflect", bad[1]));
                var refused = owner.post(tasks, fields.toArray(String[]::new));
                assertEquals(422, refused.code(), String.join(" ", bad));
                assertTrue(refused.body().string().contains("value=\"Home test panel\""), "keeps what was typed");
            }
            assertEquals(0, s.site().count("SELECT count(*) FROM market_task"));
            assertEquals(403, ana.post(tasks, "title", "Mine", "brief", "Mine", "reflect", "yes").code(), "a contributor posts no task");

            long task = Site.idFrom(owner.post(tasks, "title", "Home test panel", "brief", "Two weeks of cooking.", "price", "", "reflect", "yes",
                    "reflectionDays", "5", "suggestedLow", "20", "suggestedHigh", "80"));
            String taskPage = ana.page("/tasks/" + task);
            assertTrue(taskPage.contains("Paid what the company wishes") && taskPage.contains("takes 5 days to decide what it was worth")
                    && taskPage.contains("Suggested: from €20.00 to €80.00."), "the promise, up front");
            assertEquals(302, ana.post("/tasks/" + task + "/apply", "pitch", "I cook every day").code());
            String offer = Site.location(owner.post("/tasks/" + task + "/pick/" + ana.memberId));
            assertEquals(100_00, s.wallet(), "nothing is held: there is no price yet");

            assertEquals(404, ben.get(offer).code(), "not a party");
            assertEquals(302, s.site().visitor().get(offer).code(), "sent to sign in");
            assertEquals(409, owner.post(offer + "/reflection", "amount", "10").code(), "not before the work is received");
            assertEquals(302, ana.post(offer + "/deliver", "note", "My notebook: 31 dishes").code());
            assertEquals(403, ana.post(offer + "/approve").code(), "the contributor does not receive their own work");
            assertEquals(409, owner.post(offer + "/reject", "note", "Not good").code(), "received, not rejected");
            assertEquals(403, owner.postRaw(offer + "/approve").code(), "no token, no move");
            assertEquals(302, owner.post(offer + "/approve").code());
            assertEquals(409, owner.post(offer + "/approve").code(), "received once");
            assertTrue(ana.page(offer).contains("Received: the company decides what to pay"));

            assertEquals(403, ana.post(offer + "/reflection", "amount", "100").code(), "a contributor does not pay themselves");
            assertEquals(404, ben.post(offer + "/reflection", "amount", "100").code(), "nor does anyone else");
            for (String bad : new String[] {"", "x", "1.234", "-5"}) {
                assertEquals(422, owner.post(offer + "/reflection", "amount", bad).code(), bad);
            }
            assertEquals(422, owner.post(offer + "/reflection", "amount", "10", "note", "x".repeat(2001)).code());
            assertEquals(403, owner.postRaw(offer + "/reflection", "amount", "10").code());
            var unfunded = owner.post(offer + "/reflection", "amount", "150", "note", "Thanks");
            assertEquals(422, unfunded.code());
            String refused = unfunded.body().string();
            assertTrue(refused.contains("€150.00") && refused.contains("€50.00"), "says what is missing");
            assertTrue(refused.contains("value=\"150\""), "keeps what was typed");
            assertEquals(100_00, s.wallet(), "nothing saved");
            assertEquals("RECEIVED", s.site().text("SELECT state FROM market_offer"));

            s.site().clock.advance(Duration.ofDays(5).plusMinutes(1));
            assertEquals(1, s.remindDue());
            assertEquals(0, s.remindDue(), "reminded once");
            assertEquals(1, s.site().count("SELECT count(*) FROM notification WHERE detail_key = 'reflection.reminder'"));
            assertTrue(ana.page(offer).contains("Payment pending"));

            assertEquals(302, owner.post(offer + "/reflection", "amount", "40", "note", "<script>alert(1)</script>Thank you").code());
            assertEquals(409, owner.post(offer + "/reflection", "amount", "40").code(), "paid once");
            assertEquals(32_80, s.earnings(ana), "40.00 less the 15 % fee and its 20 % VAT: 6.00 + 1.20");
            assertEquals(60_00, s.wallet());
            String paid = ana.page(offer);
            assertTrue(paid.contains("The company paid €40.00 after reflection.") && !paid.contains("Payment pending"));
            assertTrue(paid.contains("&lt;script&gt;alert(1)&lt;/script&gt;Thank you") && !paid.contains("<script>alert(1)"), "the message, escaped");
            assertEquals(1, s.site().count("SELECT count(*) FROM notification WHERE detail_key = 'reflection.paidNotice' AND member_id = ?", ana.memberId));

            long second = Site.idFrom(owner.post(tasks, "title", "A second look", "brief", "One evening.", "reflect", "yes"));
            assertEquals(7, s.site().count("SELECT reflection_days FROM market_task WHERE id = ?", second), "7 days when left blank");
            ben.post("/tasks/" + second + "/apply", "pitch", "Happy to");
            String other = Site.location(owner.post("/tasks/" + second + "/pick/" + ben.memberId));
            ben.post(other + "/deliver", "note", "Done");
            owner.post(other + "/approve");
            assertEquals(302, owner.post(other + "/reflection", "amount", "0").code());
            assertTrue(ben.page(other).contains("The company decided to pay nothing after reflection."));
            assertEquals(1, s.site().count("SELECT count(*) FROM ledger_transaction WHERE idempotency_key LIKE 'offer:%'"), "nothing moves for nothing");
            assertTrue(s.site().visitor().page("/organisations/" + s.organisation()).contains("Pays after reflection: 2 of 2 times, €40.00 in all, €20.00 on average."));
        });
    }
}

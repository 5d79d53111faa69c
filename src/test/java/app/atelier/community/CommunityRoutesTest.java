package app.atelier.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.notification.Notifier;
import app.atelier.support.Browser;
import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunityRoutesTest {
    @TempDir
    Path dir;

    /** An organisation with its owner and a moderator. */
    record Org(long id, Browser owner, Browser moderator) {
    }

    private static Org org(Site site) {
        var owner = site.member("Claire Vidal");
        var moderator = site.member("Mona Roy");
        long id = site.organisation(owner, "Maison Vidal");
        site.staff(owner, id, moderator, "MODERATOR");
        return new Org(id, owner, moderator);
    }

    private static long challenge(Site site, Org org, String mode, String... segment) {
        var fields = new java.util.ArrayList<>(List.of("title", "A " + mode + " challenge", "brief", "b", "stage", "IDEA_GENERATION", "mode", mode));
        fields.addAll(List.of(segment));
        long id = Site.idFrom(org.owner().post("/organisations/" + org.id() + "/challenges", fields.toArray(String[]::new)));
        site.move(org.owner(), id, "OPEN");
        return id;
    }

    private static String[] application(String tags, String country) {
        return new String[] {"city", "Lyon", "country", country, "ageRange", "25-34", "occupation", "Cook",
                "productUse", "Every day", "skills", tags, "motivation", "I care"};
    }

    private static int contribute(Browser member, long challenge) {
        return member.post("/challenges/" + challenge + "/contributions", "kind", "IDEA", "title", "Mine", "body", "b", "anyway", "yes").code();
    }

    @Test
    void fromApplicationToApprovalToFirstContribution() {
        Site.run(dir, site -> {
            var org = org(site);
            long challenge = challenge(site, org, "COMMUNITY");
            var eve = site.member("Eve Adams");
            var refused = eve.post("/challenges/" + challenge + "/contributions", "kind", "IDEA", "title", "Mine", "body", "b");
            assertEquals(403, refused.code());
            String page = refused.body().string();
            assertTrue(page.contains("approved community of Maison Vidal") && page.contains("href=\"/organisations/" + org.id() + "\""), page);
            assertTrue(eve.page("/challenges/" + challenge).contains("Apply to join it first"));

            assertTrue(eve.page("/organisations/" + org.id() + "/apply").contains("Join the Maison Vidal community"));
            var bad = eve.post("/organisations/" + org.id() + "/apply", "city", "", "country", "France", "ageRange", "12-13",
                    "occupation", "Cook", "productUse", "kept use", "skills", "a,b,c,d,e,f,g,h,i,j,k,l,m", "motivation", "m");
            assertEquals(422, bad.code());
            String badPage = bad.body().string();
            assertTrue(badPage.contains("Please fill this in.") && badPage.contains("Please choose one of the options.")
                    && badPage.contains("At most 12 tags") && badPage.contains("kept use"));
            assertEquals(302, eve.post("/organisations/" + org.id() + "/apply", application("Cooking, design", "France")).code());
            assertEquals(403, contribute(eve, challenge), "waiting for a moderator");
            assertTrue(eve.page("/organisations/" + org.id()).contains("waiting for a moderator"));

            String queue = org.moderator().page("/organisations/" + org.id() + "/community");
            assertTrue(queue.contains("Eve Adams") && queue.contains("cooking") && queue.contains("Applications (1)"));
            var noMessage = org.moderator().post("/organisations/" + org.id() + "/community/" + eve.memberId + "/approve", "message", " ");
            assertEquals(422, noMessage.code());
            assertEquals(302, org.moderator().post("/organisations/" + org.id() + "/community/" + eve.memberId + "/approve", "message", "Welcome, Eve!").code());
            assertEquals(409, org.owner().post("/organisations/" + org.id() + "/community/" + eve.memberId + "/decline", "message", "Too late").code(),
                    "an application is decided once");
            String orgPage = eve.page("/organisations/" + org.id());
            assertTrue(orgPage.contains("You are a member of this community.") && orgPage.contains("Welcome, Eve!"));
            assertEquals(302, contribute(eve, challenge));
            assertTrue(site.visitor().page("/members/" + eve.memberId).contains("Maison Vidal"), "communities on the public profile");
        });
    }

    @Test
    void aDeclinedApplicantReadsWhyAndMayApplyAgain() {
        Site.run(dir, site -> {
            var org = org(site);
            var eve = site.member("Eve Adams");
            eve.post("/organisations/" + org.id() + "/apply", application("cooking", "France"));
            org.moderator().post("/organisations/" + org.id() + "/community/" + eve.memberId + "/decline", "message", "We need cyclists this season.");
            String page = eve.page("/organisations/" + org.id());
            assertTrue(page.contains("Your application was declined.") && page.contains("We need cyclists this season."));
            assertEquals(302, eve.post("/organisations/" + org.id() + "/apply", application("cycling", "France")).code());
            assertEquals("APPLIED", site.text("SELECT state FROM community_membership WHERE member_id = ?", eve.memberId));
        });
    }

    @Test
    void aRemovedMemberKeepsWhatTheyWroteButAddsNothingNew() {
        Site.run(dir, site -> {
            var org = org(site);
            long challenge = challenge(site, org, "COMMUNITY");
            var eve = site.member("Eve Adams");
            eve.post("/organisations/" + org.id() + "/apply", application("cooking", "France"));
            org.moderator().post("/organisations/" + org.id() + "/community/" + eve.memberId + "/approve", "message", "Welcome");
            long kept = site.contribute(eve, challenge, "Written before");
            assertEquals(302, org.moderator().post("/organisations/" + org.id() + "/community/" + eve.memberId + "/remove", "reason", "Spam").code());
            assertTrue(site.visitor().page("/contributions/" + kept).contains("Written before"));
            assertEquals(403, contribute(eve, challenge));
            assertEquals(403, eve.post("/contributions/" + kept + "/comments", "body", "more").code());
            long other = site.contribute(org.owner(), challenge, "Staff idea");
            assertEquals(403, eve.post("/contributions/" + other + "/vote").code());
            assertEquals(403, eve.post("/organisations/" + org.id() + "/apply", application("cooking", "France")).code());
            long outsideIn = challenge(site, org, "OUTSIDE_IN");
            assertEquals(403, contribute(eve, outsideIn), "removed from the community means out of its outside-in challenges too");
        });
    }

    @Test
    void eligibilityFollowsTheModeAndTheSegment() {
        Site.run(dir, site -> {
            var org = org(site);
            long outsideIn = challenge(site, org, "OUTSIDE_IN");
            long wholeCommunity = challenge(site, org, "COMMUNITY");
            long segment = challenge(site, org, "COMMUNITY", "segmentTags", "Cycling, winter", "segmentCountry", "france");
            var cook = site.member("Cook Member");
            var cyclist = site.member("Cyclist Member");
            var stranger = site.member("Stranger Member");
            for (var m : List.of(cook, cyclist)) {
                m.post("/organisations/" + org.id() + "/apply", m == cook ? application("cooking", "France") : application("cycling", "France"));
                org.moderator().post("/organisations/" + org.id() + "/community/" + m.memberId + "/approve", "message", "Welcome");
            }
            assertEquals(302, contribute(stranger, outsideIn));
            assertEquals(403, contribute(stranger, wholeCommunity));
            assertEquals(302, contribute(cook, wholeCommunity));
            var outside = cook.post("/challenges/" + segment + "/contributions", "kind", "IDEA", "title", "t", "body", "b");
            assertEquals(403, outside.code());
            assertTrue(outside.body().string().contains("whose profile does not match yours"));
            assertEquals(302, contribute(cyclist, segment));
            assertEquals(302, contribute(org.moderator(), segment), "staff always take part");
            assertTrue(org.owner().page("/challenges/" + segment + "/edit").contains("cycling, winter"), "the segment is kept for editing");
            long narrowedOutsideIn = challenge(site, org, "OUTSIDE_IN", "segmentTags", "cycling");
            assertEquals("", site.text("SELECT segment_tags FROM challenge WHERE id = ?", narrowedOutsideIn), "only community challenges are narrowed");
        });
    }

    @Test
    void anInvitationBringsSomeoneStraightInOnce() {
        Site.run(dir, site -> {
            var org = org(site);
            long challenge = challenge(site, org, "COMMUNITY");
            var made = org.moderator().post("/organisations/" + org.id() + "/invitations", "email", "newcomer@example.test");
            assertEquals(200, made.code());
            var link = Pattern.compile("http://localhost/invitations/([A-Za-z0-9_-]{43})").matcher(made.body().string());
            assertTrue(link.find());
            String path = "/invitations/" + link.group(1);
            assertEquals(1, site.count("SELECT count(*) FROM outbox WHERE to_address = 'newcomer@example.test' AND body LIKE ?", "%" + path + "%"),
                    "the link is emailed to the address invited");

            String organisation = site.text("SELECT name FROM organisation WHERE id = ?", org.id());
            var newcomer = site.visitor();
            var landing = Html.of(newcomer.page(path));
            assertTrue(landing.text("h1").contains(organisation), "the link names the community: " + landing.text("h1"));
            assertTrue(landing.text("main").contains("newcomer@example.test"));
            String signUp = landing.links("main a").get(0);
            assertEquals("/signup?next=%2Finvitations%2F" + link.group(1), signUp);
            var form = Html.of(newcomer.page(signUp));
            assertEquals("newcomer@example.test", form.value("#email"), "the address invited is filled in");
            assertTrue(form.text("main .notice").contains(organisation), "sign-up says which invitation it continues");
            var signedUp = newcomer.post("/signup", "name", "New Comer", "email", "newcomer@example.test", "password", Site.PASSWORD, "next", path);
            assertEquals(path, Site.location(signedUp), "after sign-up, back to the invitation");
            assertTrue(newcomer.page(path).contains("Join the community"));
            assertEquals(302, newcomer.post(path).code());
            assertEquals(302, contribute(newcomer, challenge));
            long newcomerId = site.count("SELECT id FROM member WHERE email = 'newcomer@example.test'");
            var card = Html.of(org.moderator().page("/organisations/" + org.id() + "/community")).text("#member-" + newcomerId + " p.meta");
            assertTrue(card.startsWith("applied on"), "no stray separators for a member who said nothing: " + card);
            assertTrue(Html.of(org.moderator().page("/organisations/" + org.id() + "/community")).has("#member-" + newcomerId + " details summary"),
                    "removing is behind a disclosure, with its reason inside");
            assertEquals(409, site.member("Second Comer").post(path).code(), "single use");
            var used = site.visitor().get(path);
            assertEquals(410, used.code());
            var usedPage = Html.of(used.body().string());
            assertTrue(usedPage.text("main .notice").contains("already been used"), "a used link says so before any click");
            assertFalse(usedPage.has("main form"), "and offers no Join button");
            assertEquals("/organisations/" + org.id() + "/apply", usedPage.links("main a.button").get(0));

            var late = org.moderator().post("/organisations/" + org.id() + "/invitations", "email", "late@example.test");
            var lateLink = Pattern.compile("/invitations/([A-Za-z0-9_-]{43})").matcher(late.body().string());
            assertTrue(lateLink.find());
            site.clock.advance(Duration.ofDays(15));
            var lateComer = site.member("Late Comer");
            var expired = lateComer.get("/invitations/" + lateLink.group(1));
            assertEquals(410, expired.code());
            assertTrue(Html.of(expired.body().string()).text("main .notice").contains("expired on"));
            assertEquals(409, lateComer.post("/invitations/" + lateLink.group(1)).code(), "expired");
            assertEquals(409, site.member("Guesser").post("/invitations/" + "x".repeat(43)).code());
            assertEquals(404, site.visitor().get("/invitations/" + "x".repeat(43)).code());
            assertEquals(0, site.count("SELECT count(*) FROM community_invitation WHERE token_hash = ?", link.group(1)), "only a hash is stored");
            assertEquals(422, org.moderator().post("/organisations/" + org.id() + "/invitations", "email", "").code());
        });
    }

    @Test
    void theCommunityPageIsPagedFilteredAndSuspensionsRunOut() {
        Site.run(dir, site -> {
            var org = org(site);
            for (int i = 1; i <= 22; i++) {
                site.execute("INSERT INTO member (email, email_key, name, password_hash, created_at) VALUES ('p%1$d@example.test', 'p%1$d@example.test', 'Person %1$d', '!', 0)".formatted(i));
                site.execute("""
                        INSERT INTO community_membership (organisation_id, member_id, state, city, country, age_range, occupation, product_use, skills, motivation, applied_at)
                        SELECT %d, id, 'APPROVED', 'Lyon', '%s', '%s', 'Cook', '', '%s', '', %d FROM member WHERE email = 'p%d@example.test'"""
                        .formatted(org.id(), i % 3 == 0 ? "Belgium" : "France", i % 2 == 0 ? "25-34" : "45-54", i % 2 == 0 ? "cooking" : "cycling, design", i, i));
            }
            String community = "/organisations/" + org.id() + "/community";
            var first = Html.of(org.moderator().page(community));
            assertEquals("page", first.attribute("nav.tabs a[href$=APPROVED]", "aria-current"), "no application waits, so the members show");
            assertEquals(20, first.texts("ul.roster > li").size());
            assertTrue(first.text("main [role=status]").contains("22 people"));
            var second = Html.of(org.moderator().page(first.link("nav.pager a[rel=next]")));
            assertEquals(List.of("Person 21", "Person 22"), second.texts("ul.roster h3 a"));

            assertEquals(List.of("Person 7"), Html.of(org.moderator().page(community + "?state=APPROVED&name=person+7")).texts("ul.roster h3 a"), "by name, in any case");
            assertEquals(7, Html.of(org.moderator().page(community + "?state=APPROVED&country=BELGIUM")).texts("ul.roster h3 a").size());
            assertEquals(List.of("Person 6", "Person 12", "Person 18"),
                    Html.of(org.moderator().page(community + "?state=APPROVED&country=Belgium&ageRange=25-34&skill=cook")).texts("ul.roster h3 a"));
            assertTrue(Html.of(org.moderator().page(community + "?state=APPROVED&name=nobody")).text("main").contains("Nobody matches these filters."));
            assertEquals(400, org.moderator().get(community + "?ageRange=12-13").code());
            assertEquals(400, org.moderator().get(community + "?state=SOMETHING").code());
            assertEquals(403, site.member("Nosy Parker").get(community + "?name=person").code());

            long person1 = site.count("SELECT id FROM member WHERE email = 'p1@example.test'");
            long person2 = site.count("SELECT id FROM member WHERE email = 'p2@example.test'");
            String suspensions = "/organisations/" + org.id() + "/suspensions";
            var noReason = org.moderator().post(suspensions, "memberId", Long.toString(person1), "reason", "", "days", "7", "from", "community");
            assertEquals(422, noReason.code());
            assertTrue(Html.of(noReason.body().string()).has("#member-" + person1 + " details[open] #reason-" + person1 + "-error"),
                    "the refusal opens on the member's card");
            var badLength = org.moderator().post(suspensions, "memberId", Long.toString(person1), "reason", "Spam", "days", "3");
            assertEquals(422, badLength.code());
            assertEquals(422, org.moderator().post(suspensions, "memberId", Long.toString(person1), "reason", "Spam", "days", "a week").code());
            assertEquals(0, site.count("SELECT count(*) FROM community_suspension"), "nothing is suspended by a refused form");
            assertEquals(302, org.moderator().post(suspensions, "memberId", Long.toString(person1), "reason", "Spam", "days", "7").code());
            assertEquals(302, org.moderator().post(suspensions, "memberId", Long.toString(person2), "reason", "Abuse", "days", "").code());
            var listed = Html.of(org.moderator().page(community)).texts("#suspensions + ul li");
            assertTrue(listed.stream().anyMatch(l -> l.contains("Person 1 (until Mar 9, 2026)")), String.valueOf(listed));
            assertTrue(listed.stream().anyMatch(l -> l.contains("Person 2 (until lifted)")), String.valueOf(listed));

            java.util.function.IntSupplier endSuspensions = () -> site.withDatabase(db ->
                    new CommunityService(db, site.clock, new Notifier("http://localhost", Config.HOME_ZONE), null).endSuspensions());
            site.clock.advance(Duration.ofDays(6));
            assertEquals(0, endSuspensions.getAsInt());
            site.clock.advance(Duration.ofDays(2));
            assertEquals(1, endSuspensions.getAsInt(), "a week is over");
            assertEquals(0, endSuspensions.getAsInt(), "and it ends once");
            assertEquals(person2, site.count("SELECT member_id FROM community_suspension"));
            assertTrue(org.owner().page("/organisations/" + org.id() + "/audit").contains("Suspension ended"));
        });
    }

    @Test
    void onlyTheOrganisationsStaffSeeAndDecide() {
        Site.run(dir, site -> {
            var org = org(site);
            var other = org(site);
            var eve = site.member("Eve Adams");
            eve.post("/organisations/" + org.id() + "/apply", application("cooking", "France"));
            String queue = "/organisations/" + org.id() + "/community";
            assertTrue(Site.location(site.visitor().get(queue)).startsWith("/login"));
            for (Browser refused : List.of(eve, other.owner(), other.moderator())) {
                assertEquals(403, refused.get(queue).code());
                assertEquals(403, refused.post(queue + "/" + eve.memberId + "/approve", "message", "Sneaky").code());
                assertEquals(403, refused.post("/organisations/" + org.id() + "/invitations", "email", "x@example.test").code());
            }
            assertEquals(200, org.owner().get(queue).code());
            assertEquals(200, org.moderator().get(queue).code());
            assertEquals(404, org.owner().post(queue + "/" + eve.memberId + "/promote", "message", "m").code());
            assertEquals(409, org.owner().post(queue + "/999/approve", "message", "m").code());
            assertEquals(404, eve.get("/organisations/999/apply").code());
            assertTrue(Site.location(site.visitor().get("/organisations/" + org.id() + "/apply")).startsWith("/login"));
            assertEquals("APPLIED", site.text("SELECT state FROM community_membership WHERE member_id = ?", eve.memberId));
            assertFalse(eve.page("/organisations/" + org.id()).contains("Manage the community"));
        });
    }

    @Test
    void aSuspendedMemberTakesNoPartAnywhereInTheCommunityUntilItIsLifted() {
        Site.run(dir, site -> {
            var org = org(site);
            long outsideIn = challenge(site, org, "OUTSIDE_IN");
            var eve = site.member("Eve Adams");
            long id = site.contribute(eve, outsideIn, "Before");
            long evesComment = site.comment(eve, id, "Written before", null);
            long other = site.contribute(org.owner(), outsideIn, "Someone else's");
            String suspensions = "/organisations/" + org.id() + "/suspensions";
            for (Browser refused : List.of(eve, site.member("Bob Stone"))) {
                assertEquals(403, refused.post(suspensions, "memberId", Long.toString(eve.memberId), "reason", "Spam").code());
            }
            assertEquals(422, org.moderator().post(suspensions, "memberId", Long.toString(eve.memberId), "reason", "").code());
            assertEquals(409, org.moderator().post(suspensions, "memberId", Long.toString(org.owner().memberId), "reason", "Coup").code());
            assertEquals(404, org.moderator().post(suspensions, "memberId", "987", "reason", "Ghost").code());
            assertEquals(302, org.moderator().post(suspensions, "memberId", Long.toString(eve.memberId), "reason", "Repeated spam").code());
            var refused = eve.post("/challenges/" + outsideIn + "/contributions", "kind", "IDEA", "title", "After", "body", "b");
            assertEquals(403, refused.code());
            assertTrue(refused.body().string().contains("suspended from the Maison Vidal community until a moderator lifts it"));
            var page = Html.of(eve.page("/contributions/" + id));
            assertFalse(page.has(".comment-form"), "no comment form for a suspended member");
            assertTrue(page.text("#comments .notice.warning").startsWith("You are suspended from the Maison Vidal community until a moderator lifts it"));
            assertEquals(302, org.moderator().post(suspensions, "memberId", Long.toString(eve.memberId), "reason", "Repeated spam", "days", "7").code());
            assertEquals("You are suspended from the Maison Vidal community until Mar 9, 2026: you can read, but not comment, vote or contribute until then.",
                    Html.of(eve.page("/contributions/" + id)).text("#comments .notice.warning"), "and until when");
            assertTrue(Html.of(eve.page("/challenges/" + outsideIn)).text(".cta").contains("until Mar 9, 2026"));
            assertEquals(403, eve.post("/contributions/" + id + "/comments", "body", "Hello?").code());
            assertEquals(403, eve.post("/comments/" + evesComment, "body", "Edited while suspended").code());
            assertEquals(403, eve.post("/comments/" + evesComment + "/delete").code());
            assertEquals(403, eve.post("/contributions/" + other + "/follow").code());
            assertEquals(403, eve.post("/contributions/" + other + "/flag", "reason", "SPAM", "note", "").code());
            assertEquals("Written before", site.text("SELECT body FROM comment WHERE id = ?", evesComment), "nothing changed");
            assertEquals(0, site.count("SELECT count(*) FROM flag"));
            assertEquals(403, eve.post("/organisations/" + org.id() + "/apply", application("cooking", "France")).code());
            assertTrue(org.moderator().page("/organisations/" + org.id() + "/community").contains("Repeated spam"));
            assertTrue(org.owner().page("/organisations/" + org.id() + "/audit").contains("Member suspended"));
            assertEquals(302, org.moderator().post(suspensions + "/" + eve.memberId + "/lift").code());
            assertEquals(404, org.moderator().post(suspensions + "/" + eve.memberId + "/lift").code());
            assertEquals(302, contribute(eve, outsideIn));
        });
    }

    @Test
    void flagsOfASuspendedMemberDoNotCountTowardsHiding() {
        Site.run(dir, site -> {
            var org = org(site);
            long challenge = challenge(site, org, "OUTSIDE_IN");
            var members = new java.util.ArrayList<Browser>();
            for (String name : List.of("Ann Lee", "Ben Cole", "Cat Moss")) {
                var m = site.member(name);
                m.post("/organisations/" + org.id() + "/apply", application("cooking", "France"));
                org.moderator().post("/organisations/" + org.id() + "/community/" + m.memberId + "/approve", "message", "Welcome");
                members.add(m);
            }
            long target = site.contribute(org.owner(), challenge, "Harmless idea");
            assertEquals(302, members.get(0).post("/contributions/" + target + "/flag", "reason", "SPAM", "note", "").code());
            org.moderator().post("/organisations/" + org.id() + "/suspensions", "memberId", Long.toString(members.get(0).memberId), "reason", "Brigading");
            members.get(1).post("/contributions/" + target + "/flag", "reason", "SPAM", "note", "");
            members.get(2).post("/contributions/" + target + "/flag", "reason", "SPAM", "note", "");
            assertEquals(0, site.count("SELECT hidden FROM contribution WHERE id = ?", target), "two flags that count, not three");
        });
    }
}

package app.atelier.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.support.Html;
import app.atelier.support.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationRoutesTest {
    @TempDir
    Path dir;

    @Test
    void theDirectoryListsTheOrganisationsWithChallengesAnyoneCanSee() {
        Site.run(dir, site -> {
            var pan = site.openChallenge("A lighter pan");
            var owner = site.member("Ben Cole");
            long drafts = site.organisation(owner, "Drafts Only");
            site.challenge(owner, drafts, "Not yet");
            long hidden = site.organisation(owner, "Private Works");
            site.openChallenge(owner, hidden, "Only invited", "visibility", "PRIVATE");
            var page = Html.of(site.visitor().page("/organisations"));
            assertEquals("Organisations", page.text("main h1"), "its own title, not the experts'");
            assertEquals("Experts to book", Html.of(site.visitor().page("/experts")).text("main h1"));
            assertEquals(List.of("Maison Vidal"), page.texts("li.organisation-card h2 a"), "a draft or a private challenge is not seen");
            assertEquals("1 challenge open · 1 challenge in all", page.text("li.organisation-card p.meta"));
            assertEquals("/organisations/new", page.link("main a[href='/organisations/new']"), "the way in for a company");
            assertTrue(page.has("nav.wide a[href='/organisations']"), "in every header");
            site.close(pan.owner(), pan.challenge());
            assertEquals("No challenge open now · 1 challenge in all", Html.of(site.visitor().page("/organisations")).text("li.organisation-card p.meta"));
        });
    }

    @Test
    void aMemberCreatesAnOrganisationAndBecomesItsOwner() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long id = site.organisation(owner, "Maison Vidal");
            var page = owner.page("/organisations/" + id);
            assertTrue(page.contains("Maison Vidal"));
            assertTrue(page.contains("Owner"), "the owner sees the team");
            assertTrue(page.contains("/organisations/" + id + "/challenges/new"));
            assertFalse(site.visitor().page("/organisations/" + id).contains("Owner"), "visitors do not see the team");
        });
    }

    @Test
    void creatingAnOrganisationNeedsASignedInMemberAndAName() {
        Site.run(dir, site -> {
            var visitor = site.visitor();
            assertEquals("/login?next=%2Forganisations%2Fnew", Site.location(visitor.get("/organisations/new")));
            visitor.get("/login");
            assertTrue(Site.location(visitor.post("/organisations", "name", "Sneaky")).startsWith("/login"));
            var member = site.member("Claire Vidal");
            var unverified = member.post("/organisations", "name", "Maison Vidal");
            assertEquals(403, unverified.code());
            assertTrue(unverified.body().string().contains("verify your email address first"));
            site.verify(member);
            var empty = member.post("/organisations", "name", " ", "description", "kept text");
            assertEquals(422, empty.code());
            assertTrue(empty.body().string().contains("Please fill this in."));
            assertTrue(empty.body().string().contains("kept text"));
            assertEquals(422, member.post("/organisations", "name", "n".repeat(101)).code());
            assertEquals(0, site.count("SELECT count(*) FROM organisation"));
        });
    }

    @Test
    void theOwnerAddsStaffByEmailAndOnlyTheOwnerMay() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            var manager = site.member("Paul Martin");
            var stranger = site.member("Eve Adams");
            var otherOwner = site.member("Otto Berg");
            long id = site.organisation(owner, "Maison Vidal");
            site.organisation(otherOwner, "Berg GmbH");
            String managerEmail = site.email(manager);

            var unverified = owner.post("/organisations/" + id + "/staff", "email", managerEmail.toUpperCase(Locale.ROOT), "role", "MANAGER");
            assertEquals(302, unverified.code(), "the same answer whether or not the address may be offered a place");
            assertEquals(0, site.count("SELECT count(*) FROM staff_offer"), "an unverified address is offered nothing");
            site.verify(manager);
            assertEquals(302, owner.post("/organisations/" + id + "/staff", "email", managerEmail.toUpperCase(Locale.ROOT), "role", "MANAGER").code());
            assertTrue(owner.page("/organisations/" + id + "?offered").contains("If a member with a verified address uses this email"));
            assertEquals(0, site.count("SELECT count(*) FROM organisation_staff WHERE organisation_id = ? AND role = 'MANAGER'", id),
                    "nobody joins a staff without consenting");
            assertFalse(Html.of(owner.page("/members/" + manager.memberId)).text("main").contains("Maison Vidal"), "the profile shows nothing until accepted");
            assertTrue(manager.page("/notifications").contains("Maison Vidal"));
            assertTrue(manager.page("/account").contains("offers you a place at Maison Vidal"));
            assertEquals(404, stranger.post("/organisations/" + id + "/staff-offer/accept").code(), "no offer, nothing to accept");
            assertEquals(302, manager.post("/organisations/" + id + "/staff-offer/accept").code());
            assertEquals(1, site.count("SELECT count(*) FROM organisation_staff WHERE organisation_id = ? AND role = 'MANAGER'", id));
            assertEquals(404, manager.post("/organisations/" + id + "/staff-offer/accept").code(), "an offer is taken once");

            var unknown = owner.post("/organisations/" + id + "/staff", "email", "nobody@example.test", "role", "MODERATOR");
            assertEquals(302, unknown.code(), "whether an address has an account is not said");
            assertEquals(422, owner.post("/organisations/" + id + "/staff", "email", managerEmail, "role", "OWNER").code());
            owner.post("/organisations/" + id + "/staff", "email", site.email(owner), "role", "MODERATOR");
            assertEquals(1, site.count("SELECT count(*) FROM organisation_staff WHERE member_id = ? AND role = 'OWNER'", owner.memberId),
                    "the owner cannot demote themselves");
            assertEquals(422, owner.post("/organisations/" + id + "/staff", "email", "", "role", "MODERATOR").code());

            for (var refused : java.util.List.of(manager, stranger, otherOwner)) {
                assertEquals(403, refused.post("/organisations/" + id + "/staff", "email", site.email(stranger), "role", "MODERATOR").code());
                assertEquals(403, refused.post("/organisations/" + id + "/staff/" + manager.memberId + "/remove").code());
                assertEquals(403, refused.get("/organisations/" + id + "/edit").code());
            }
            assertEquals(404, owner.post("/organisations/999/staff", "email", managerEmail, "role", "MANAGER").code());
            assertEquals(3, site.count("SELECT count(*) FROM organisation_staff"));

            assertEquals(302, owner.post("/organisations/" + id + "/staff/" + manager.memberId + "/remove").code());
            assertEquals(0, site.count("SELECT count(*) FROM organisation_staff WHERE member_id = ?", manager.memberId));
        });
    }

    @Test
    void theOwnerEditsTheOrganisation() {
        Site.run(dir, site -> {
            var owner = site.member("Claire Vidal");
            long id = site.organisation(owner, "Maison Vidal");
            assertTrue(owner.page("/organisations/" + id + "/edit").contains("Maison Vidal"));
            assertEquals(302, owner.post("/organisations/" + id, "name", "Vidal & Fils", "description", "Since 1950").code());
            assertTrue(site.visitor().page("/organisations/" + id).contains("Vidal &amp; Fils"));
            assertEquals(422, owner.post("/organisations/" + id, "name", "", "description", "x").code());
            assertEquals(403, site.member("Eve Adams").post("/organisations/" + id, "name", "Mine now", "description", "").code());
            assertEquals(404, site.visitor().get("/organisations/424242").code());
        });
    }
}

package app.atelier.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.Config;
import app.atelier.community.Segment;
import app.atelier.web.Invalid;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a challenge's form and life, without the web around them. */
class ChallengeRulesTest {
    private static final ZoneId PARIS = Config.HOME_ZONE;
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static ChallengeForm form(String stage, String mode, List<String> kinds, String opensOn, String closesOn, String votingClosesOn,
                                      String budget, Segment segment) {
        return new ChallengeForm("A lighter pan", "What should it weigh?", stage, mode, kinds, opensOn, closesOn, votingClosesOn, budget, "",
                segment, "PUBLIC", "");
    }

    private static ChallengeForm form(String opensOn, String closesOn, String votingClosesOn, String budget) {
        return form("IDEA_GENERATION", "OUTSIDE_IN", List.of(), opensOn, closesOn, votingClosesOn, budget, Segment.EVERYONE);
    }

    private static Set<String> refused(ChallengeForm form) {
        return assertThrows(Invalid.class, () -> form.parse(NOW, PARIS)).errors().all().keySet();
    }

    @Test
    void theStageGivesTheKindsWhenNoneAreChosen() {
        var parsed = form("PACKAGING", "OUTSIDE_IN", List.of(), "", "", "", "", Segment.EVERYONE).parse(NOW, PARIS);
        assertEquals(Stage.PACKAGING.defaultKinds(), parsed.kinds());
        var chosen = form("PACKAGING", "OUTSIDE_IN", List.of("IDEA"), "", "", "", "", Segment.EVERYONE).parse(NOW, PARIS);
        assertEquals(EnumSet.of(ContributionKind.IDEA), chosen.kinds());
    }

    @Test
    void daysCountInThePlatformsZoneAndAClosingDayEndsAtMidnight() {
        var parsed = form("2026-04-01", "2026-04-30", "2026-05-07", "").parse(NOW, PARIS);
        assertEquals(Instant.parse("2026-03-31T22:00:00Z"), parsed.opensAt());
        assertEquals(Instant.parse("2026-04-30T22:00:00Z"), parsed.closesAt());
        assertEquals(Instant.parse("2026-05-07T22:00:00Z"), parsed.votingClosesAt());
        assertNull(parsed.voteBudget());
    }

    @Test
    void anotherConfiguredZoneMovesTheStartOfEachDay() {
        var parsed = form("2026-04-01", "2026-04-30", "", "").parse(NOW, ZoneId.of("America/Montreal"));
        assertEquals(Instant.parse("2026-04-01T04:00:00Z"), parsed.opensAt());
        assertEquals(Instant.parse("2026-05-01T04:00:00Z"), parsed.closesAt());
    }

    @Test
    void datesOutOfOrderOrInThePastOrBeyondTheCenturyAreRefusedBesideTheirField() {
        assertEquals(Set.of("closesOn"), refused(form("2026-04-30", "2026-04-01", "", "")));
        assertEquals(Set.of("closesOn"), refused(form("", "2026-01-01", "", "")));
        assertEquals(Set.of("votingClosesOn"), refused(form("", "", "2026-05-01", "")));
        assertEquals(Set.of("votingClosesOn"), refused(form("", "2026-05-01", "2026-04-01", "")));
        assertEquals(Set.of("opensOn"), refused(form("2026-02-30", "", "", "")));
        assertEquals(Set.of("closesOn"), refused(form("", "+999999999-12-31", "", "")));
        assertEquals(Set.of("opensOn"), refused(form("1999-12-31", "", "", "")));
    }

    @Test
    void aVoteBudgetIsAWholeNumberInRange() {
        assertEquals(7, form("", "", "", "7").parse(NOW, PARIS).voteBudget());
        for (String bad : new String[] {"0", "-3", "1001", "seven", "2.5"}) assertEquals(Set.of("voteBudget"), refused(form("", "", "", bad)), bad);
    }

    @Test
    void unknownChoicesAreRefusedAndOnlyACommunityChallengeKeepsItsSegment() {
        assertEquals(Set.of("stage", "mode", "kinds"), refused(form("SOMEDAY", "SIDEWAYS", List.of("POEM"), "", "", "", "", Segment.EVERYONE)));
        var segment = new Segment("cooking", "France", "", "");
        assertEquals(Segment.EVERYONE, form("IDEA_GENERATION", "OUTSIDE_IN", List.of(), "", "", "", "", segment).parse(NOW, PARIS).segment());
        assertEquals(segment, form("IDEA_GENERATION", "COMMUNITY", List.of(), "", "", "", "", segment).parse(NOW, PARIS).segment());
    }

    @Test
    void aChallengeLivesFromDraftToClosedAndCanBeCancelledOnlyBeforeItIsDecided() {
        var reachable = EnumSet.of(ChallengeState.DRAFT);
        for (int step = 0; step < ChallengeState.values().length; step++) {
            for (var state : EnumSet.copyOf(reachable)) reachable.addAll(state.next());
        }
        assertEquals(EnumSet.allOf(ChallengeState.class), reachable, "every state can be reached from a draft");
        for (var state : ChallengeState.values()) {
            boolean beforeDecision = EnumSet.of(ChallengeState.DRAFT, ChallengeState.OPEN, ChallengeState.VOTING, ChallengeState.REVIEW).contains(state);
            assertEquals(beforeDecision, state.next().contains(ChallengeState.CANCELLED), state.name());
            assertFalse(state.next().contains(state), "no move stays in place: " + state);
        }
        assertTrue(ChallengeState.CLOSED.next().isEmpty() && ChallengeState.CANCELLED.next().isEmpty(), "the ends are ends");
        assertEquals(EnumSet.of(ChallengeState.OPEN), EnumSet.copyOf(List.of(ChallengeState.values()).stream().filter(ChallengeState::acceptsContributions).toList()));
        assertEquals(EnumSet.of(ChallengeState.OPEN, ChallengeState.VOTING),
                EnumSet.copyOf(List.of(ChallengeState.values()).stream().filter(ChallengeState::acceptsVotes).toList()));
    }
}

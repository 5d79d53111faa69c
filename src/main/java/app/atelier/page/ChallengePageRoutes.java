package app.atelier.page;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.Technology;
import app.atelier.challenge.TechnologyService;
import app.atelier.challenge.ViewLog;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionStatus;
import app.atelier.contribution.ContributionSummary;
import app.atelier.contribution.Findings;
import app.atelier.contribution.FollowUpService;
import app.atelier.contribution.Followed;
import app.atelier.contribution.Sort;
import app.atelier.contribution.VoteBox;
import app.atelier.reward.RewardService;
import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Forms;
import app.atelier.web.Page;
import app.atelier.web.Role;
import app.atelier.web.View;
import app.atelier.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A challenge's page: its brief and product team, and the contributions it received. */
public final class ChallengePageRoutes {

    public record ChallengePage(ChallengeService.Access access, ContributionService.Listing listing, ChallengeService.Team team,
                                RewardService.Plan rewards, Findings findings, Instant since, List<Followed> outcome, String decision,
                                Optional<Technology> technology) implements Page {
        @Override
        public String template() {
            return "page/challenge.jte";
        }

        public Challenge challenge() {
            return access.challenge();
        }

        /** A manager edits the challenge until it is decided or cancelled. */
        public boolean mayEdit() {
            return access.manages() && challenge().state().editable();
        }

        /** The moves a manager is offered: opening waits for what must be written first, which {@link #missingBeforeOpening} says. */
        public List<ChallengeState> moves() {
            if (!access.manages()) return List.of();
            return challenge().state().next().stream().filter(to -> to != ChallengeState.OPEN || challenge().missingBeforeOpening() == null).toList();
        }

        /** What a manager must write before the challenge can open, while it is a draft; null once nothing is missing. */
        public String missingBeforeOpening() {
            return access.manages() && challenge().state() == ChallengeState.DRAFT ? challenge().missingBeforeOpening() : null;
        }

        /** The product team is shown when it has members, and to the managers who build it. */
        public boolean showsTeam() {
            return !team.members().isEmpty() || access.manages();
        }

        /** A manager writes the questions a test report or a validation answers. */
        public boolean writesQuestions() {
            var kinds = challenge().acceptedKinds();
            return access.manages() && (kinds.contains(ContributionKind.TEST_REPORT) || kinds.contains(ContributionKind.VALIDATION));
        }

        /** A manager of an inside-out challenge writes its technology sheet. */
        public boolean writesTechnology() {
            return access.manages() && challenge().insideOut();
        }

        /** A card's vote box: offered only where the vote would be accepted, and saying so when the budget is spent. */
        public VoteBox voteBox(ContributionSummary k, Viewer viewer, String back) {
            return k.voteBox(listing.voted().contains(k.id()), access.mayVote(viewer, k.authorId()), listing.votesLeft(), back);
        }
    }

    private final ChallengeService challenges;
    private final ContributionService contributions;
    private final RewardService rewards;
    private final ViewLog views;
    private final FollowUpService followUp;
    private final TechnologyService technology;

    public ChallengePageRoutes(ChallengeService challenges, ContributionService contributions, RewardService rewards, ViewLog views,
                               FollowUpService followUp, TechnologyService technology) {
        this.followUp = followUp;
        this.technology = technology;
        this.views = views;
        this.challenges = challenges;
        this.contributions = contributions;
        this.rewards = rewards;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}", this::show, Role.ANYONE);
    }

    private void show(Context ctx) {
        var viewer = Current.viewer(ctx);
        var access = challenges.access(viewer, Forms.pathId(ctx, "id"));
        if (viewer.signedIn()) views.seen(access.challenge().id(), viewer.id());
        var listing = contributions.list(viewer, access, Sort.fromParam(ctx.queryParam("sort")),
                ContributionStatus.fromParam(ctx.queryParam("status")), Cursor.parse(ctx.queryParam("after")));
        View.render(ctx, new ChallengePage(access, listing, challenges.team(viewer, access), rewards.plan(viewer, access),
                contributions.findings(viewer, access), challenges.since(access.challenge()), followUp.ofChallenge(viewer, access),
                challenges.outcome(access.challenge().id()), technology.of(access.challenge())));
    }
}

package app.atelier.contribution;

import app.atelier.challenge.Challenge;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ContributionKind;
import app.atelier.challenge.QuestionService;
import app.atelier.reward.market.MarketService;
import app.atelier.reward.market.Offer;
import app.atelier.reward.market.OfferState;
import app.atelier.web.Current;
import app.atelier.web.Errors;
import app.atelier.web.Forms;
import app.atelier.web.HttpProblem;
import app.atelier.web.Invalid;
import app.atelier.web.Page;
import app.atelier.web.Paths;
import app.atelier.web.Role;
import app.atelier.web.View;
import app.atelier.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/** Contributions, votes and comments. */
public final class ContributionRoutes {

    /**
     * The form for a new contribution (contributionId null) or the author's existing one, with what its kind asks
     * and the images a design already has.
     * @param needsTerms whether the contributor must still accept the challenge's terms
     * @param wayIn where a member refused for not taking part can find the way in, or null
     */
    public record FormPage(Challenge challenge, Long contributionId, ContributionForm form, Errors errors, boolean needsTerms,
                           QuestionService.Asked asked, List<DesignImage> images, List<ContributionSummary> similar, String wayIn) implements Page {
        @Override
        public String template() {
            return "contribution/form.jte";
        }

        public ContributionKind kind() {
            return challenge.acceptedKinds().stream().filter(k -> k.name().equals(form.kind())).findFirst().orElse(ContributionKind.IDEA);
        }

        public String action() {
            return contributionId == null ? Paths.challenge(challenge.id()) + "/contributions" : Paths.contribution(contributionId);
        }
    }

    /**
     * A contribution with its comment threads. {@code commentForm} and {@code commentErrors} are the comment
     * being written, shown again when it was refused; {@code replyTo} the comment it answers, if any.
     */
    public record ContributionPage(ContributionService.Seen seen, Details details, Discussion discussion, CommentForm commentForm,
                                   Errors commentErrors, Long replyTo, List<OfficialResponse> responses,
                                   ResponseForm responseForm, Errors responseErrors, ResponseService.Originals originals, List<Offer> offers,
                                   boolean commentsOnly) implements Page {
        @Override
        public String template() {
            return commentsOnly ? "contribution/comments.jte" : "contribution/show.jte";
        }

        public Challenge challenge() {
            return seen.access().challenge();
        }

        public Contribution contribution() {
            return seen.contribution();
        }

        /** A manager may offer a price for an accepted contribution that has no offer under way. */
        public boolean mayOffer() {
            return seen.access().manages() && contribution().status().accepted()
                    && offers.stream().allMatch(o -> o.state() == OfferState.DECLINED || o.state() == OfferState.REFUNDED);
        }

        /** A signed-in member comments while the challenge takes comments, unless barred from its community. */
        public boolean mayComment(Viewer viewer) {
            return challenge().state().acceptsComments() && viewer.signedIn() && !seen.access().barred();
        }

        /** An application's proposer and the organisation's staff talk about it privately. */
        public boolean conversesPrivately(Viewer viewer) {
            return contribution().kind() == ContributionKind.APPLICATION && (seen.access().staff() || seen.mine(viewer));
        }

        /** The staff answer officially, unless the contribution was merged into another. */
        public boolean mayRespond() {
            return seen.access().staff() && contribution().status() != ContributionStatus.DUPLICATE;
        }

        /** The statuses a response may give from where the contribution stands. */
        public List<ContributionStatus> responseStatuses() {
            return Arrays.stream(ContributionStatus.values()).filter(s -> s.mayFollow(contribution().status())).toList();
        }

        public FollowBox followBox() {
            return new FollowBox(contribution().id(), seen.following());
        }

        public FlagBox flagBox() {
            return FlagBox.of(ItemType.CONTRIBUTION, contribution().id());
        }
    }

    /** What the viewer may do with one comment besides replying: kept off the discussion, where it would repeat for every comment. */
    public record CommentActionsPage(CommentService.Seen seen) implements Page {
        @Override
        public String template() {
            return "contribution/comment-actions.jte";
        }
    }

    public record CommentEditPage(Comment comment, CommentForm form, Errors errors) implements Page {
        @Override
        public String template() {
            return "contribution/comment-edit.jte";
        }
    }

    /** The contributions like a title being typed, put in place by the form's script. */
    public record SimilarBox(List<ContributionSummary> similar) implements Page {
        @Override
        public String template() {
            return "contribution/similar.jte";
        }
    }

    /** Whether the viewer follows a contribution, with the button that changes it. */
    public record FollowBox(long id, boolean following) implements Page {
        @Override
        public String template() {
            return "contribution/follow.jte";
        }
    }

    /** Where a refusal of the whole contribution form is said: above its fields. */
    static final String FORM = "form";

    private final ChallengeService challenges;
    private final ContributionService contributions;
    private final CommentService comments;
    private final ResponseService responses;
    private final MarketService market;
    private final String baseUrl;

    /** @param baseUrl the platform's public address, which the links in exports start with */
    public ContributionRoutes(ChallengeService challenges, ContributionService contributions, CommentService comments,
                              ResponseService responses, MarketService market, String baseUrl) {
        this.challenges = challenges;
        this.contributions = contributions;
        this.comments = comments;
        this.responses = responses;
        this.market = market;
        this.baseUrl = baseUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/challenges/{id}/contribute", this::submitForm, Role.MEMBER);
        routes.post("/challenges/{id}/contributions", this::submit, Role.MEMBER);
        routes.get("/challenges/{id}/similar", ctx -> View.render(ctx, new SimilarBox(contributions.similar(Current.viewer(ctx),
                Forms.pathId(ctx, "id"), String.valueOf(ctx.queryParam("title"))))), Role.MEMBER);
        routes.get("/contributions/{id}", this::show, Role.ANYONE);
        routes.get("/challenges/{id}/contributions.csv", ctx -> export(ctx, "contributions", contributions::export), Role.MODERATOR);
        routes.get("/challenges/{id}/test-reports.csv", ctx -> export(ctx, "test-reports", contributions::exportReports), Role.MODERATOR);
        routes.get("/contributions/{id}/edit", this::editForm, Role.MEMBER);
        routes.post("/contributions/{id}", this::edit, Role.MEMBER);
        routes.post("/contributions/{id}/vote", ctx -> vote(ctx, true), Role.MEMBER);
        routes.post("/contributions/{id}/unvote", ctx -> vote(ctx, false), Role.MEMBER);
        routes.post("/contributions/{id}/comments", this::comment, Role.MEMBER);
        routes.post("/contributions/{id}/responses", this::respond, Role.MEMBER);
        routes.post("/contributions/{id}/follow", ctx -> follow(ctx, true), Role.MEMBER);
        routes.post("/contributions/{id}/unfollow", ctx -> follow(ctx, false), Role.MEMBER);
        routes.post("/contributions/{id}/helpful", ctx -> {
            long id = Forms.pathId(ctx, "id");
            contributions.markHelpful(Current.viewer(ctx), id);
            ctx.redirect(Paths.contribution(id));
        }, Role.MEMBER);
        routes.get("/designs/{id}", ctx -> picture(ctx, false), Role.ANYONE);
        routes.get("/designs/{id}/thumbnail", ctx -> picture(ctx, true), Role.ANYONE);
        routes.get("/comments/{id}/edit", this::editCommentForm, Role.MEMBER);
        routes.get("/comments/{id}/actions", ctx -> View.render(ctx, new CommentActionsPage(comments.seen(Current.viewer(ctx), Forms.pathId(ctx, "id")))), Role.MEMBER);
        routes.post("/comments/{id}", this::editComment, Role.MEMBER);
        routes.post("/comments/{id}/delete", this::deleteComment, Role.MEMBER);
        routes.post("/comments/{id}/helpful", ctx -> {
            long id = Forms.pathId(ctx, "id");
            ctx.redirect(Paths.comment(comments.markHelpful(Current.viewer(ctx), id), id));
        }, Role.MEMBER);
    }

    private void submitForm(Context ctx) {
        var viewer = Current.viewer(ctx);
        var access = challenges.access(viewer, Forms.pathId(ctx, "id"));
        var challenge = access.challenge();
        if (!challenge.state().acceptsContributions()) throw new HttpProblem.Conflict("error.notOpen");
        access.requireEligible();
        var form = ContributionForm.empty(challenge, ctx.queryParam("kind"));
        Long own = contributions.ownAnswer(viewer, challenge.id(), form.kind());
        if (own != null) {
            ctx.redirect(Paths.contribution(own) + "/edit");
            return;
        }
        renderForm(ctx, challenge, null, form, Errors.none(), needsTerms(viewer, challenge));
    }

    private void submit(Context ctx) {
        long challengeId = Forms.pathId(ctx, "id");
        var form = ContributionForm.from(ctx);
        try {
            ctx.redirect(Paths.contribution(contributions.submit(Current.viewer(ctx), challengeId, form, ctx.ip())));
        } catch (ContributionService.LooksLikeOthers e) {
            var challenge = challenges.access(Current.viewer(ctx), challengeId).challenge();
            renderForm(ctx, challenge, null, form, Errors.none(), needsTerms(Current.viewer(ctx), challenge), e.similar(), null);
        } catch (HttpProblem.Limited | HttpProblem.Conflict | HttpProblem.NotEligible refused) {
            // The text typed is shown again with the reason, never lost behind an error page.
            var challenge = challenges.access(Current.viewer(ctx), challengeId).challenge();
            ctx.status(refused.status());
            renderForm(ctx, challenge, null, form, Errors.refusal(FORM, refused), needsTerms(Current.viewer(ctx), challenge), List.of(), refused.link());
        } catch (Invalid e) {
            var challenge = challenges.access(Current.viewer(ctx), challengeId).challenge();
            ctx.status(422);
            renderForm(ctx, challenge, null, form, e.errors(), needsTerms(Current.viewer(ctx), challenge));
        }
    }

    private void renderForm(Context ctx, Challenge challenge, Long contributionId, ContributionForm form, Errors errors, boolean needsTerms) {
        renderForm(ctx, challenge, contributionId, form, errors, needsTerms, List.of(), null);
    }

    private void renderForm(Context ctx, Challenge challenge, Long contributionId, ContributionForm form, Errors errors, boolean needsTerms,
                            List<ContributionSummary> similar, String wayIn) {
        View.render(ctx, new FormPage(challenge, contributionId, form, errors, needsTerms, contributions.asked(challenge.id()),
                contributionId == null ? List.of() : contributions.images(contributionId), similar, wayIn));
    }

    private void show(Context ctx) {
        render(ctx, false, Forms.pathId(ctx, "id"), CommentForm.empty(), Errors.none(), Forms.optionalId(ctx.queryParam("reply")));
    }

    private void editForm(Context ctx) {
        var seen = contributions.editable(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        var c = seen.contribution();
        renderForm(ctx, seen.access().challenge(), c.id(), ContributionForm.of(c, contributions.details(c)), Errors.none(), false);
    }

    private void edit(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = ContributionForm.from(ctx);
        try {
            contributions.edit(Current.viewer(ctx), id, form);
            ctx.redirect(Paths.contribution(id));
        } catch (Invalid e) {
            var challenge = contributions.editable(Current.viewer(ctx), id).access().challenge();
            ctx.status(422);
            renderForm(ctx, challenge, id, form, e.errors(), false);
        }
    }

    /**
     * A design's image, or its thumbnail, for whoever may see the design: sent with its own type (never sniffed, as
     * every response here), as an attachment in a sandbox, so that no upload can ever run as a page of this site.
     */
    private void picture(Context ctx, boolean thumbnail) throws IOException {
        var picture = contributions.picture(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        var image = picture.image();
        ctx.contentType(thumbnail ? "image/jpeg" : image.mediaType());
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Content-Disposition", "attachment; filename=\"design-" + image.id() + (thumbnail ? "-thumbnail.jpg" : "." + image.extension()) + "\"");
        ctx.header("Cache-Control", "private, max-age=86400");
        ctx.result(Files.newInputStream(thumbnail ? picture.thumbnail() : picture.original()));
    }

    private void vote(Context ctx, boolean up) {
        long id = Forms.pathId(ctx, "id");
        var box = up ? contributions.vote(Current.viewer(ctx), id) : contributions.unvote(Current.viewer(ctx), id);
        String back = ctx.formParam("back");
        back = back == null || back.isEmpty() ? Paths.contribution(id) : Forms.localPath(back);
        if (View.fragment(ctx)) View.render(ctx, box.withBack(back));
        else ctx.redirect(back);
    }

    private void comment(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = CommentForm.from(ctx);
        try {
            long commentId = comments.add(Current.viewer(ctx), id, form, ctx.ip());
            if (View.fragment(ctx)) render(ctx, true, id, CommentForm.empty(), Errors.none(), null);
            else ctx.redirect(Paths.comment(id, commentId));
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, View.fragment(ctx), id, form, e.errors(), form.replyTo());
        } catch (HttpProblem.Limited | HttpProblem.Conflict refused) {
            ctx.status(refused.status());
            render(ctx, View.fragment(ctx), id, form, Errors.refusal("body", refused), form.replyTo());
        }
    }

    private void respond(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = ResponseForm.from(ctx);
        try {
            responses.respond(Current.viewer(ctx), id, form);
            ctx.redirect(Paths.contribution(id) + "#responses");
        } catch (Invalid e) {
            ctx.status(422);
            render(ctx, false, id, CommentForm.empty(), Errors.none(), null, form, e.errors());
        }
    }

    private void follow(Context ctx, boolean follow) {
        long id = Forms.pathId(ctx, "id");
        contributions.follow(Current.viewer(ctx), id, follow);
        if (View.fragment(ctx)) View.render(ctx, new FollowBox(id, follow));
        else ctx.redirect(Paths.contribution(id));
    }

    private void editCommentForm(Context ctx) {
        var comment = comments.own(Current.viewer(ctx), Forms.pathId(ctx, "id")).comment();
        View.render(ctx, new CommentEditPage(comment, new CommentForm(comment.body(), ""), Errors.none()));
    }

    private void editComment(Context ctx) {
        long id = Forms.pathId(ctx, "id");
        var form = CommentForm.from(ctx);
        try {
            comments.edit(Current.viewer(ctx), id, form);
            var comment = comments.own(Current.viewer(ctx), id).comment();
            ctx.redirect(Paths.comment(comment.contributionId(), id));
        } catch (Invalid e) {
            var comment = comments.own(Current.viewer(ctx), id).comment();
            View.invalid(ctx, new CommentEditPage(comment, form, e.errors()));
        }
    }

    private void deleteComment(Context ctx) {
        long contributionId = comments.delete(Current.viewer(ctx), Forms.pathId(ctx, "id"));
        ctx.redirect(Paths.contribution(contributionId) + "#comments");
    }

    private void export(Context ctx, String name, BiFunction<Viewer, Long, ContributionService.Export> exporter) throws IOException {
        long id = Forms.pathId(ctx, "id");
        var export = exporter.apply(Current.viewer(ctx), id);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"challenge-" + id + "-" + name + ".csv\"");
        export.writeTo(new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)), Current.text(ctx), baseUrl);
    }

    private boolean needsTerms(Viewer viewer, Challenge challenge) {
        return challenge.hasTerms() && !contributions.acceptedTerms(viewer, challenge);
    }

    private void render(Context ctx, boolean commentsOnly, long id, CommentForm form, Errors errors, Long replyTo) {
        render(ctx, commentsOnly, id, form, errors, replyTo, ResponseForm.empty(), Errors.none());
    }

    private void render(Context ctx, boolean commentsOnly, long id, CommentForm form, Errors errors, Long replyTo,
                        ResponseForm responseForm, Errors responseErrors) {
        var seen = contributions.view(Current.viewer(ctx), id);
        var discussion = comments.discussion(id, Forms.optionalId(ctx.queryParam("from")), Forms.optionalId(ctx.queryParam("comment")));
        var threads = discussion.threads();
        // A reply to a comment no longer shown is kept in the main form, so that what was typed is not lost.
        Long shownReplyTo = replyTo != null && CommentThread.answerable(threads, replyTo) ? replyTo : null;
        var offers = market.offers(Current.viewer(ctx), seen.access(), seen.contribution().authorId(), id);
        View.render(ctx, new ContributionPage(seen, contributions.details(seen.contribution()), discussion, form, errors, shownReplyTo, responses.responses(id),
                responseForm, responseErrors, responses.originals(seen, Forms.query(ctx, "merge", ContributionForm.TITLE_MAX)), offers, commentsOnly));
    }
}

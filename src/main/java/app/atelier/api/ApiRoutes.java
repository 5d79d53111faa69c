package app.atelier.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.atelier.account.AccountRoutes;
import app.atelier.challenge.ChallengeService;
import app.atelier.community.CommunityService;
import app.atelier.community.MemberFilter;
import app.atelier.community.MembershipState;
import app.atelier.contribution.CommentForm;
import app.atelier.contribution.CommentService;
import app.atelier.contribution.ContributionForm;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionStatus;
import app.atelier.contribution.ResponseForm;
import app.atelier.contribution.ResponseService;
import app.atelier.contribution.Sort;
import app.atelier.invoice.DocumentService;
import app.atelier.reward.wallet.WalletService;
import app.atelier.web.Current;
import app.atelier.web.Cursor;
import app.atelier.web.Forms;
import app.atelier.web.Role;
import app.atelier.web.Slice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.util.Map;
import java.util.function.Function;

/**
 * The API under {@code /api/v1}: what a member does on the pages, in JSON, through the same services and so under the
 * same rules. Each route is described in {@code openapi.json}, served here too, and a test holds the two together.
 */
public final class ApiRoutes {
    public static final String BASE = "/api/v1";

    public record Services(ChallengeService challenges, ContributionService contributions, CommentService comments, ResponseService responses,
                           CommunityService communities, WalletService wallets, DocumentService documents) {
    }

    private final Services s;
    private final ApiCalls calls;
    private final Idempotency idempotency;
    private final String description;

    public ApiRoutes(Services services, ApiCalls calls, Idempotency idempotency) {
        this.s = services;
        this.calls = calls;
        this.idempotency = idempotency;
        this.description = description();
    }

    public void register(RoutesConfig routes) {
        routes.before(BASE + "/*", calls::check);
        routes.get(BASE + "/openapi.json", ctx -> ApiJson.write(ctx, 200, description), Role.ANYONE);
        routes.get(BASE + "/me", ctx -> {
            var caller = AccountRoutes.caller(ctx).orElseThrow();
            ApiJson.ok(ctx, new ApiViews.Me(caller.viewer().id(), caller.viewer().name(), caller.viewer().admin(), caller.token().scope().name()));
        }, Role.MEMBER);
        routes.get(BASE + "/challenges/{id}", ctx -> ApiJson.ok(ctx, ApiViews.ChallengeView.of(s.challenges().access(Current.viewer(ctx), id(ctx)).challenge())),
                Role.MEMBER);
        routes.get(BASE + "/organisations/{id}/challenges", ctx -> ApiJson.ok(ctx, page(ctx,
                s.challenges().ofOrganisation(Current.viewer(ctx), id(ctx), after(ctx)), ApiViews.ChallengeView::of)), Role.MEMBER);
        routes.get(BASE + "/challenges/{id}/contributions", this::contributions, Role.MEMBER);
        post(routes, BASE + "/challenges/{id}/contributions", this::contribute);
        routes.get(BASE + "/contributions/{id}", ctx -> ApiJson.ok(ctx, contribution(ctx, id(ctx))), Role.MEMBER);
        routes.get(BASE + "/contributions/{id}/comments", this::comments, Role.MEMBER);
        post(routes, BASE + "/contributions/{id}/comments", this::comment);
        post(routes, BASE + "/contributions/{id}/vote", ctx -> {
            s.contributions().vote(Current.viewer(ctx), id(ctx));
            ApiJson.ok(ctx, contribution(ctx, id(ctx)));
        });
        routes.delete(BASE + "/contributions/{id}/vote", ctx -> {
            s.contributions().unvote(Current.viewer(ctx), id(ctx));
            ApiJson.ok(ctx, contribution(ctx, id(ctx)));
        }, Role.MEMBER);
        post(routes, BASE + "/contributions/{id}/responses", ctx -> {
            var body = ApiJson.body(ctx);
            s.responses().respond(Current.viewer(ctx), id(ctx), new ResponseForm(body.text("status"), body.text("body"), body.text("duplicateOf")));
            ApiJson.created(ctx, BASE + "/contributions/" + id(ctx), contribution(ctx, id(ctx)));
        });
        routes.get(BASE + "/organisations/{id}/members", this::members, Role.MEMBER);
        routes.get(BASE + "/organisations/{id}/wallet", this::wallet, Role.MEMBER);
        routes.get(BASE + "/organisations/{id}/documents", ctx -> ApiJson.ok(ctx, page(ctx,
                s.documents().list(Current.viewer(ctx), new DocumentService.Owner(id(ctx), null), after(ctx)), ApiViews.DocumentView::of)), Role.MEMBER);
    }

    /** A POST, answered once per Idempotency-Key. */
    private void post(RoutesConfig routes, String path, Handler handler) {
        routes.post(path, ctx -> idempotency.around(ctx, handler), Role.MEMBER);
    }

    private void contributions(Context ctx) {
        var viewer = Current.viewer(ctx);
        var access = s.challenges().access(viewer, id(ctx));
        var listing = s.contributions().list(viewer, access, Sort.fromParam(ctx.queryParam("sort")), ContributionStatus.fromParam(ctx.queryParam("status")),
                after(ctx));
        ApiJson.ok(ctx, page(ctx, listing.page(), ApiViews.ContributionItem::of));
    }

    private void contribute(Context ctx) {
        var body = ApiJson.body(ctx);
        long id = s.contributions().submit(Current.viewer(ctx), id(ctx), ContributionForm.written(body.text("kind"), body.text("title"), body.text("body"), Map.of()),
                ctx.ip());
        ApiJson.created(ctx, BASE + "/contributions/" + id, contribution(ctx, id));
    }

    private ApiViews.ContributionView contribution(Context ctx, long id) {
        var viewer = Current.viewer(ctx);
        var seen = s.contributions().view(viewer, id);
        return ApiViews.ContributionView.of(seen.contribution(), seen.voted(), seen.access().staff() || seen.mine(viewer), s.responses().responses(id));
    }

    /** A contribution's discussion, fifty threads at a time from {@code from}, as its page shows it. */
    private void comments(Context ctx) {
        var viewer = Current.viewer(ctx);
        var seen = s.contributions().view(viewer, id(ctx));
        var discussion = s.comments().discussion(id(ctx), Forms.optionalId(ctx.queryParam("from")), null);
        String next = discussion.next() == null ? null : ctx.path() + "?from=" + discussion.next();
        ApiJson.ok(ctx, new ApiViews.Page<>(ApiViews.CommentView.flat(discussion.threads(), viewer, seen.access().staff()), next));
    }

    private void comment(Context ctx) {
        var body = ApiJson.body(ctx);
        var viewer = Current.viewer(ctx);
        long id = s.comments().add(viewer, id(ctx), new CommentForm(body.text("body"), body.text("parentId")), ctx.ip());
        var seen = s.comments().seen(viewer, id);
        ApiJson.created(ctx, BASE + "/contributions/" + id(ctx) + "/comments", ApiViews.CommentView.of(seen.comment(), true));
    }

    private void members(Context ctx) {
        int page = Forms.page(ctx);
        var state = Forms.choice(MembershipState.class, ctx.queryParam("state"));
        var roster = s.communities().roster(Current.viewer(ctx), id(ctx), new MemberFilter(state == null ? MembershipState.APPROVED : state, "", "", "", "", page));
        var people = roster.people();
        String next = people.number() * (long) people.size() < people.total() ? ctx.path() + "?state=" + roster.filter().state() + "&page=" + (page + 1) : null;
        ApiJson.ok(ctx, new ApiViews.Page<>(people.items().stream().map(ApiViews.MemberView::of).toList(), next));
    }

    private void wallet(Context ctx) {
        int page = Forms.page(ctx);
        var wallet = s.wallets().wallet(Current.viewer(ctx), id(ctx), page);
        var lines = wallet.lines();
        String next = lines.number() * (long) lines.size() < lines.total() ? ctx.path() + "?page=" + (page + 1) : null;
        ApiJson.ok(ctx, new ApiViews.Wallet(id(ctx), wallet.currency(), wallet.balance(), wallet.held(),
                new ApiViews.Page<>(lines.items().stream().map(ApiViews.WalletLine::of).toList(), next)));
    }

    /** A page of a list read after a cursor; the next page's address keeps the list's other parameters. */
    private static <T, V> ApiViews.Page<V> page(Context ctx, Slice<T> slice, Function<T, V> view) {
        var query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("after") && !values.isEmpty()) query.append(URLEncoder.encode(name, UTF_8)).append('=').append(URLEncoder.encode(values.get(0), UTF_8)).append('&');
        });
        return new ApiViews.Page<>(slice.items().stream().map(view).toList(), slice.next() == null ? null : ctx.path() + "?" + query + "after=" + slice.next());
    }

    private static long id(Context ctx) {
        return Forms.pathId(ctx, "id");
    }

    private static Cursor after(Context ctx) {
        return Cursor.parse(ctx.queryParam("after"));
    }

    private static String description() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

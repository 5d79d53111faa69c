package app.atelier;

import app.atelier.account.AccountRoutes;
import app.atelier.account.AccountService;
import app.atelier.account.AccountShare;
import app.atelier.account.ApiTokenRoutes;
import app.atelier.account.ApiTokenService;
import app.atelier.account.CompanySignInRoutes;
import app.atelier.account.CompanySignInService;
import app.atelier.account.FormTokens;
import app.atelier.account.PersonalData;
import app.atelier.analytics.DashboardRoutes;
import app.atelier.analytics.DashboardService;
import app.atelier.api.ApiCalls;
import app.atelier.api.ApiRoutes;
import app.atelier.api.Idempotency;
import app.atelier.audit.AuditShare;
import app.atelier.bank.BankRoutes;
import app.atelier.bank.BankService;
import app.atelier.bank.BankShare;
import app.atelier.calendar.CalendarRoutes;
import app.atelier.calendar.CalendarService;
import app.atelier.calendar.CalendarShare;
import app.atelier.challenge.ChallengeRoutes;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeShare;
import app.atelier.challenge.QuestionRoutes;
import app.atelier.challenge.QuestionService;
import app.atelier.challenge.TechnologyRoutes;
import app.atelier.challenge.TechnologyService;
import app.atelier.challenge.ViewLog;
import app.atelier.community.CommunityRoutes;
import app.atelier.community.CommunityService;
import app.atelier.community.CommunityShare;
import app.atelier.contribution.CommentService;
import app.atelier.contribution.ContributionRoutes;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ContributionShare;
import app.atelier.contribution.FollowUpRoutes;
import app.atelier.contribution.FollowUpService;
import app.atelier.contribution.ResponseService;
import app.atelier.db.Backups;
import app.atelier.db.Database;
import app.atelier.db.Dialect;
import app.atelier.db.Health;
import app.atelier.db.MemberData;
import app.atelier.demo.DemoData;
import app.atelier.expert.ExpertRoutes;
import app.atelier.expert.ExpertService;
import app.atelier.expert.ExpertShare;
import app.atelier.fee.FeeRates;
import app.atelier.feed.FeedRoutes;
import app.atelier.feed.FeedService;
import app.atelier.image.ImageStore;
import app.atelier.image.PictureRoutes;
import app.atelier.image.Pictures;
import app.atelier.invoice.BillingRoutes;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.DocumentRoutes;
import app.atelier.invoice.DocumentService;
import app.atelier.invoice.Documents;
import app.atelier.invoice.FacturX;
import app.atelier.invoice.Fec;
import app.atelier.invoice.InvoiceShare;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.LedgerShare;
import app.atelier.moderation.ModerationRoutes;
import app.atelier.moderation.ModerationService;
import app.atelier.moderation.ModerationShare;
import app.atelier.notification.MailSender;
import app.atelier.notification.NotificationRoutes;
import app.atelier.notification.NotificationService;
import app.atelier.notification.NotificationShare;
import app.atelier.notification.Notifier;
import app.atelier.organisation.OrganisationRoutes;
import app.atelier.organisation.OrganisationService;
import app.atelier.organisation.OrganisationShare;
import app.atelier.page.ChallengePageRoutes;
import app.atelier.page.OrganisationPageRoutes;
import app.atelier.page.ProfilePageRoutes;
import app.atelier.platformreport.PlatformReportRoutes;
import app.atelier.platformreport.PlatformReportService;
import app.atelier.platformreport.PlatformReportShare;
import app.atelier.proposal.ConversationRoutes;
import app.atelier.proposal.ConversationService;
import app.atelier.proposal.ProposalShare;
import app.atelier.recognition.KeptPoints;
import app.atelier.recognition.Recognition;
import app.atelier.recognition.RecognitionRoutes;
import app.atelier.recognition.RecognitionShare;
import app.atelier.reward.RewardRoutes;
import app.atelier.reward.RewardService;
import app.atelier.reward.RewardShare;
import app.atelier.reward.contest.ContestRoutes;
import app.atelier.reward.contest.ContestService;
import app.atelier.reward.market.MarketService;
import app.atelier.reward.market.OfferRoutes;
import app.atelier.reward.market.SharedEscrow;
import app.atelier.reward.market.TaskRoutes;
import app.atelier.reward.market.TaskService;
import app.atelier.reward.reflection.ReflectionRoutes;
import app.atelier.reward.reflection.ReflectionService;
import app.atelier.reward.royalty.RoyaltyRoutes;
import app.atelier.reward.royalty.RoyaltyService;
import app.atelier.reward.wallet.BankStatementRoutes;
import app.atelier.reward.wallet.EarningsRoutes;
import app.atelier.reward.wallet.EarningsService;
import app.atelier.reward.wallet.PayoutService;
import app.atelier.reward.wallet.WalletRoutes;
import app.atelier.reward.wallet.WalletService;
import app.atelier.search.SearchRoutes;
import app.atelier.search.SearchService;
import app.atelier.web.Admission;
import app.atelier.web.Assets;
import app.atelier.web.ErrorPages;
import app.atelier.web.HttpProblem;
import app.atelier.web.PreviewRoutes;
import app.atelier.web.Role;
import app.atelier.web.SlowClients;
import app.atelier.web.Stopping;
import app.atelier.web.WebSecurity;
import app.atelier.webhook.Destination;
import app.atelier.webhook.WebhookRoutes;
import app.atelier.webhook.WebhookSender;
import app.atelier.webhook.WebhookService;
import app.atelier.webhook.WebhookShare;
import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring: configuration, database, services, routes. Builds the app; {@link #main} starts it. */
public final class App {
    /**
     * Every feature's share of what Atelier holds about a member, which the member downloads and which goes when they
     * leave; the account first, so the download opens with who they are.
     */
    public static final List<MemberData> MEMBER_DATA = List.of(AccountShare.MEMBER_DATA, AuditShare.MEMBER_DATA, NotificationShare.MEMBER_DATA,
            RecognitionShare.MEMBER_DATA, LedgerShare.MEMBER_DATA, OrganisationShare.MEMBER_DATA, WebhookShare.MEMBER_DATA, CommunityShare.MEMBER_DATA, ChallengeShare.MEMBER_DATA,
            BankShare.MEMBER_DATA, InvoiceShare.MEMBER_DATA, PlatformReportShare.MEMBER_DATA, RewardShare.MEMBER_DATA, ExpertShare.MEMBER_DATA, ContributionShare.MEMBER_DATA, ProposalShare.MEMBER_DATA, ModerationShare.MEMBER_DATA, CalendarShare.MEMBER_DATA);

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {
    }

    /** Recomputes recognition from the records and compares it with what is kept; repairs it when asked. */
    private static int recount(Config config, boolean repair) {
        try (var db = Database.open(config.dbUrl(), config.dbLogin(), config.operations().databaseWait(), null)) {
            var audit = db.write(h -> KeptPoints.audit(h, config.zone()));
            System.out.printf("%,d events due; kept events differing: %,d; kept sums differing: %,d%n", audit.events(), audit.eventsDiffering(), audit.sumsDiffering());
            if (audit.agrees() || !repair) return audit.agrees() ? 0 : 2;
            long events = db.write(h -> KeptPoints.rebuild(h, config.zone()));
            System.out.printf("Repaired: %,d events kept%n", events);
            return 0;
        }
    }

    /**
     * Starts Atelier; or, with {@code backup [keep]}, copies its database while it serves, keeping the newest
     * {@code keep} copies (7 unless said); or, with {@code restore FILE}, puts a copy back while it is stopped.
     */
    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) { // a setting missing or wrong: said in lines that name it
            System.err.println("Atelier could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (args.length > 0) {
            System.exit(command(config, args));
        }
        try {
            var app = create(config, Clock.systemUTC()).start();
            // SIGTERM (a normal stop, docker stop, Ctrl-C): finish what runs, then close, so that nothing is left half-done.
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "stop"));
        } catch (RuntimeException e) {
            LOG.debug("start failed", e);
            System.err.println(e instanceof Database.StartFailure ? e.getMessage() : "Atelier could not start: " + e);
            System.exit(1);
        }
    }

    private static int command(Config config, String[] args) {
        try {
            if (args[0].equals("recount")) return recount(config, args.length > 1 && args[1].equals("repair"));
            if (Dialect.of(config.dbUrl()) != Dialect.SQLITE) throw new IllegalArgumentException("backup and restore copy the SQLite file; back PostgreSQL up with pg_dump");
            var backups = new Backups(Database.file(config.dbUrl()), config.backups());
            switch (args[0]) {
                case "backup" -> {
                    var copy = backups.take(Instant.now(), args.length > 1 ? Integer.parseInt(args[1]) : 7);
                    System.out.printf("Copied the database to %s (%,d bytes) in %.1f s%n", copy.file(), copy.bytes(), copy.took().toMillis() / 1000.0);
                }
                case "restore" -> {
                    if (args.length < 2) throw new IllegalArgumentException("say which copy to restore, one of: " + backups.copies());
                    backups.restore(Path.of(args[1]));
                    System.out.println("Restored " + args[1] + "; start Atelier again.");
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0] + "; use backup [keep], restore FILE or recount [repair]");
            }
            return 0;
        } catch (RuntimeException | IOException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    public static Javalin create(Config config, Clock clock) {
        return create(config, clock, Database.open(config.dbUrl(), config.dbLogin(), config.operations().databaseWait(),
                config.demo() ? newDatabase -> new DemoData(newDatabase, config).seed() : null));
    }

    /** The app over a database already open; it closes the database when it stops. */
    public static Javalin create(Config config, Clock anyZoneClock, Database db) {
        Clock clock = anyZoneClock.withZone(config.zone());
        db.boundReads(Duration.ofSeconds(config.limits().readSeconds()));
        db.boundWrites(Duration.ofSeconds(config.limits().writeSeconds()));
        var notifier = new Notifier(config.baseUrl(), config.zone());
        var accounts = new AccountService(db, clock, config, notifier);
        var organisations = new OrganisationService(db, clock, notifier);
        var notifications = new NotificationService(db, clock, config.baseUrl());
        var mail = new MailSender(db, clock, config.smtp());
        var ledger = new Ledger(clock);
        if (db.read(KeptPoints::unfilled)) {
            long events = db.write(h -> KeptPoints.rebuild(h, config.zone()));
            LOG.info("Recognition kept from the records: {} events", events);
        }
        int setApart = SharedEscrow.split(db, ledger);
        if (setApart > 0) LOG.info("{} accepted prices moved from their challenge's escrow into holds of their own", setApart);
        var challenges = new ChallengeService(db, clock, notifier, ContestService.funding(ledger));
        var rewards = new RewardService(db, clock, ledger);
        var payouts = new PayoutService(db, clock, ledger, config.operator().account(), notifier);
        var billing = new BillingService(db, clock);
        billing.declare(config.operator());
        var documents = new Documents(config.operator(), clock, notifier.webhooks());
        var market = new MarketService(db, clock, ledger, notifier, config.ceilings().paymentWithoutConfirming(), documents);
        var pictures = new Pictures(config.pictures());
        var contributions = new ContributionService(db, clock, config.limits().posts(), notifier, new ImageStore(config.designs(), "images"));
        var comments = new CommentService(db, clock, notifier, config.limits().posts());
        var communities = new CommunityService(db, clock, notifier, config.limits().invitations());
        var moderation = new ModerationService(db, clock, notifier);

        var experts = new ExpertService(db, clock, ledger, notifier, config.ceilings().expertPerMinute(), documents);
        var reflections = new ReflectionService(db, clock, ledger, notifier, config.ceilings().paymentWithoutConfirming(), documents);
        var views = new ViewLog(db, clock);
        var recognition = new Recognition(db, clock);
        var apiTokens = new ApiTokenService(db, clock, accounts);
        var accountRoutes = new AccountRoutes(accounts, new FormTokens(db), organisations, communities, new PersonalData(db, clock, MEMBER_DATA), clock, config.baseUrl().startsWith("https:"),
                apiTokens);
        var idempotency = new Idempotency(db, clock);
        var destination = new Destination(config.operations().webhooksToPrivate());
        var companySignIn = new CompanySignInService(db, clock, accounts, destination, config.baseUrl());
        var webhookSender = new WebhookSender(db, clock, notifier, destination);
        notifier.webhooks().onCommit(webhookSender::wake);
        var jobs = List.of(new Job("challenges.advanceByDates", challenges::advanceByDates, 0, 1, TimeUnit.MINUTES),
                new Job("communities.endSuspensions", communities::endSuspensions, 0, 1, TimeUnit.MINUTES),
                new Job("experts.settleDue", experts::settleDue, 0, 1, TimeUnit.MINUTES),
                new Job("reflections.remindDue", reflections::remindDue, 0, 1, TimeUnit.MINUTES),
                new Job("accounts.deleteExpiredSessions", accounts::deleteExpiredSessions, 0, 6, TimeUnit.HOURS),
                new Job("api.forgetIdempotencyKeys", idempotency::forget, 1, 60, TimeUnit.MINUTES),
                new Job("company.forgetOldAttempts", companySignIn::forgetOld, 1, 60, TimeUnit.MINUTES),
                new Job("webhooks.deliver", webhookSender::deliver, 5, 5, TimeUnit.SECONDS),
                // Written to the log, an email should be there by the time someone looks for its link; sent, every half minute.
                new Job("mail.deliver", mail::deliver, 5, config.smtp().configured() ? 30 : 5, TimeUnit.SECONDS),
                new Job("views.write", views::write, 10, 10, TimeUnit.SECONDS),
                new Job("notifications.makeDigests", notifications::makeDigests, 1, 10, TimeUnit.MINUTES),
                new Job("db.optimize", db::optimize, 1, 6, TimeUnit.HOURS),
                new Job("contributions.fillExcerpts", contributions::fillExcerpts, 10, 0, TimeUnit.SECONDS));
        var scheduler = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "scheduler"));
        // A stop lets the running job end; those waiting for their time do not start.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        var app = Javalin.create(c -> {
            c.appData(JOBS, jobs);
            c.jetty.port = config.port();
            c.jetty.host = config.operations().host();
            SlowClients.bound(c.jetty);
            // A bank's statement of a busy day (10,000 entries make about 17 MB); images are held to 5 MB each by their form, with its own message.
            c.jetty.multipartConfig.maxFileSize(32, SizeUnit.MB);
            c.jetty.multipartConfig.maxTotalRequestSize(WebSecurity.MAX_FORM_MB, SizeUnit.MB);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            if (config.behindProxy()) c.contextResolver.ip = App::forwardedAddress;
            c.staticFiles.add(files -> {
                files.hostedPath = Role.STATIC.substring(0, Role.STATIC.length() - 1);
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", Assets.CACHE);
            });
            var admission = new Admission(config.limits().requestsAtOnce());
            c.routes.before(WebSecurity.headers(config.baseUrl().startsWith("https:")));
            // The form is read before a place is taken: a client that sends it slowly holds no place meanwhile.
            c.routes.before(WebSecurity::readForm);
            c.routes.before(admission::enter);
            c.routes.after(admission::leave);
            c.routes.before(ctx -> db.shareReads());
            c.routes.after(ctx -> db.stopSharingReads());
            c.routes.before(accountRoutes::loadSession);
            c.routes.before(WebSecurity::personal);
            c.routes.before(WebSecurity::checkCsrf);
            c.routes.beforeMatched(ctx -> Role.check(ctx, (viewer, path, id) ->
                    path.startsWith("/challenges/") ? challenges.standing(viewer, id) : organisations.access(viewer, id).standing()));
            var health = new Health(db, config.dataDir(), config.operations().warnBelowFreeMb(), config.operations().failBelowFreeMb());
            c.routes.get("/health", health::answer, Role.ANYONE);
            accountRoutes.register(c.routes);
            new CompanySignInRoutes(companySignIn, accountRoutes).register(c.routes);
            new ApiTokenRoutes(apiTokens).register(c.routes);
            new ProfilePageRoutes(accounts, contributions, organisations, communities, recognition, experts).register(c.routes);
            new OrganisationRoutes(organisations, pictures).register(c.routes);
            new WebhookRoutes(new WebhookService(db, clock, notifier, destination)).register(c.routes);
            new OrganisationPageRoutes(organisations, challenges, communities, reflections).register(c.routes);
            new CommunityRoutes(communities, organisations, config.baseUrl()).register(c.routes);
            new ChallengeRoutes(challenges, pictures).register(c.routes);
            new PictureRoutes(pictures, challenges::pictureForEveryone).register(c.routes);
            new QuestionRoutes(new QuestionService(db)).register(c.routes);
            var followUp = new FollowUpService(db);
            var technology = new TechnologyService(db, clock);
            new TechnologyRoutes(technology, pictures).register(c.routes);
            new ChallengePageRoutes(challenges, contributions, rewards, views, followUp, technology).register(c.routes);
            new FollowUpRoutes(organisations, followUp).register(c.routes);
            new RewardRoutes(rewards).register(c.routes);
            new ContestRoutes(new ContestService(db, clock, ledger, challenges, notifier, documents)).register(c.routes);
            new EarningsRoutes(new EarningsService(db, ledger), payouts, recognition).register(c.routes);
            new RoyaltyRoutes(new RoyaltyService(db, clock, ledger, notifier, documents)).register(c.routes);
            var wallets = new WalletService(db, ledger, documents, config.operator().account(), notifier, payouts);
            new WalletRoutes(wallets, payouts, market, new FeeRates(db)).register(c.routes);
            new BankStatementRoutes(wallets).register(c.routes);
            new OfferRoutes(market).register(c.routes);
            new BillingRoutes(billing).register(c.routes);
            new BankRoutes(new BankService(db, clock, accounts, notifier)).register(c.routes);
            new PlatformReportRoutes(new PlatformReportService(db, clock)).register(c.routes);
            var documentService = new DocumentService(db, clock, documents, notifier, new FacturX(config.dataDir().resolve("documents"), config.zone()));
            new DocumentRoutes(documentService,
                    new Fec(db, config.operator(), config.zone())).register(c.routes);
            new ExpertRoutes(experts, config.zone()).register(c.routes);
            new ReflectionRoutes(reflections).register(c.routes);
            new TaskRoutes(new TaskService(db, clock, ledger, notifier)).register(c.routes);
            var responses = new ResponseService(db, clock, notifier);
            new ContributionRoutes(challenges, contributions, comments, responses, market, config.baseUrl()).register(c.routes);
            new ConversationRoutes(new ConversationService(db, clock, notifier, responses)).register(c.routes);
            new ModerationRoutes(moderation, organisations, communities).register(c.routes);
            new NotificationRoutes(notifications).register(c.routes);
            new SearchRoutes(new SearchService(db)).register(c.routes);
            new DashboardRoutes(new DashboardService(db, clock, views, contributions)).register(c.routes);
            new RecognitionRoutes(recognition).register(c.routes);
            new PreviewRoutes().register(c.routes);
            new CalendarRoutes(new CalendarService(db, clock, experts, notifier)).register(c.routes);
            new FeedRoutes(new FeedService(organisations, challenges, contributions, responses, notifier)).register(c.routes);
            new ApiRoutes(new ApiRoutes.Services(challenges, contributions, comments, responses, communities, wallets, documentService), new ApiCalls(clock),
                    idempotency).register(c.routes);
            ErrorPages.register(c.routes);
            c.routes.exception(Database.NotNow.class, (e, ctx) -> ErrorPages.refuse(ctx, App.unavailable(e, ctx)));
            c.events.serverStarted(() -> {
                if (!config.smtp().configured()) {
                    LOG.info("No mail server is set (ATELIER_SMTP_HOST): emails stay in the outbox, and each one is written to this log "
                            + "with its links, such as the link that verifies a new account's address.");
                }
                for (var job : jobs) job.schedule(scheduler);
            });
            // Jetty's own graceful stop would also wait for idle kept-alive connections; only requests matter.
            c.events.serverStopping(() -> admission.drain(Stopping.REQUESTS_WITHIN));
            c.events.serverStopped(() -> {
                Stopping.finishJobs(scheduler);
                webhookSender.stop();
                runQuietly(views::write);
                db.close();
                LOG.info("Atelier has stopped; its database is closed.");
            });
        });
        answerHeadLikeGet(app);
        return app;
    }

    /**
     * HEAD gets what GET would, without the body, under the same roles. Javalin's own HEAD fallback carries no
     * roles, so {@link Role#check} refused every HEAD (link checkers and uptime monitors send them).
     */
    private static void answerHeadLikeGet(Javalin app) {
        var router = app.unsafe.internalRouter;
        for (var parsed : List.copyOf(router.allHttpHandlers())) {
            var get = parsed.endpoint;
            if (!get.method.equals(HandlerType.GET)) continue;
            var roles = get.metadata(Roles.class);
            router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler, roles == null ? Set.of() : Set.of(roles)));
        }
    }

    /** The database's state, said to the person: what happened, whether anything is lost, when to try again. */
    private static HttpProblem unavailable(Database.NotNow e, Context ctx) {
        return switch (e.why()) {
            case CROWDED -> new HttpProblem.Unavailable("error.crowded", 1);
            case READ_TOO_SLOW -> new HttpProblem.Unavailable("error.tooSlow", 5);
            case WRITE_WAITED -> {
                LOG.warn("a write waited too long for its turn on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                yield new HttpProblem.Unavailable("error.writeWaited", 5);
            }
            case AWAY -> {
                LOG.warn("the database does not answer on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                yield new HttpProblem.Unavailable("error.away", 10);
            }
            case CANNOT_SAVE -> {
                LOG.error("cannot save on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                yield new HttpProblem.Unavailable("error.cannotSave", 60);
            }
        };
    }

    /** The address the proxy in front of us saw: the last one it appended to X-Forwarded-For. */
    private static String forwardedAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return ctx.req().getRemoteAddr();
        return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
    }

    /**
     * Work the scheduler runs: first after {@code first}, then again {@code delay} after each run ends (once, for a
     * delay of 0). A failure is logged, and never held by the job's future.
     */
    public record Job(String name, Runnable work, long first, long delay, TimeUnit unit) {
        void schedule(ScheduledExecutorService scheduler) {
            var unused = delay == 0 ? scheduler.schedule(() -> runQuietly(work), first, unit)
                    : scheduler.scheduleWithFixedDelay(() -> runQuietly(work), first, delay, unit);
        }
    }

    /** The app's jobs, kept with it so that a test can run one now instead of waiting for its time. */
    public static final Key<List<Job>> JOBS = new Key<>("atelier.jobs");

    /** Runs one of the app's jobs now, on the calling thread. */
    public static void runJob(Javalin app, String name) {
        app.unsafe.appDataManager.get(JOBS).stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow().work().run();
    }

    private static void runQuietly(Runnable job) {
        try {
            job.run();
        } catch (Database.NotNow e) {
            LOG.warn("a scheduled job waits for its next turn: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("scheduled job failed", e);
        }
    }
}

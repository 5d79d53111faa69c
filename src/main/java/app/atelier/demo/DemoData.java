package app.atelier.demo;

import app.atelier.Config;
import app.atelier.account.AccountService;
import app.atelier.account.SignUpForm;
import app.atelier.bank.BankAccount;
import app.atelier.bank.BankService;
import app.atelier.challenge.ChallengeForm;
import app.atelier.challenge.ChallengeService;
import app.atelier.challenge.ChallengeState;
import app.atelier.challenge.QuestionForm;
import app.atelier.challenge.QuestionService;
import app.atelier.challenge.TechnologyForm;
import app.atelier.challenge.TechnologyService;
import app.atelier.community.ApplicationForm;
import app.atelier.community.CommunityService;
import app.atelier.community.Segment;
import app.atelier.contribution.CommentForm;
import app.atelier.contribution.CommentService;
import app.atelier.contribution.ContributionForm;
import app.atelier.contribution.ContributionService;
import app.atelier.contribution.ResponseForm;
import app.atelier.contribution.ResponseService;
import app.atelier.db.Database;
import app.atelier.expert.ExpertService;
import app.atelier.image.ImageStore;
import app.atelier.image.NewPicture;
import app.atelier.image.Pictures;
import app.atelier.invoice.BillingService;
import app.atelier.invoice.Documents;
import app.atelier.invoice.Party;
import app.atelier.invoice.PayeeForm;
import app.atelier.ledger.Account;
import app.atelier.ledger.Cause;
import app.atelier.ledger.Event;
import app.atelier.ledger.Keys;
import app.atelier.ledger.Ledger;
import app.atelier.ledger.Transfer;
import app.atelier.notification.Notifier;
import app.atelier.organisation.OrganisationForm;
import app.atelier.organisation.OrganisationService;
import app.atelier.organisation.StaffForm;
import app.atelier.proposal.AgreementForm;
import app.atelier.proposal.ConversationService;
import app.atelier.reward.RewardService;
import app.atelier.reward.contest.ContestService;
import app.atelier.reward.market.MarketService;
import app.atelier.reward.market.TaskService;
import app.atelier.reward.plan.PlanForm;
import app.atelier.reward.plan.ReflectionForm;
import app.atelier.reward.royalty.RoyaltyService;
import app.atelier.reward.royalty.Share;
import app.atelier.web.Viewer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.slf4j.LoggerFactory;

/**
 * A living community for a newcomer to look at, written through the same services as the app, into an
 * empty database only. Every demo member signs in with the password {@value #PASSWORD}.
 */
public final class DemoData {
    public static final String PASSWORD = "atelier-demo-2026";
    /** The demo's platform admin, an admin while no other is named (ATELIER_ADMIN_EMAILS). */
    public static final String ADMIN_EMAIL = "admin@example.com";

    private final Database db;
    private final AccountService accounts;
    private final OrganisationService organisations;
    private final ChallengeService challenges;
    private final QuestionService questions;
    private final TechnologyService technology;
    private final ConversationService conversations;
    private final ResponseService responses;
    private final ContributionService contributions;
    private final CommentService comments;
    private final CommunityService communities;
    private final Ledger ledger;
    private final RewardService rewards;
    private final ContestService contests;
    private final RoyaltyService royalties;
    private final TaskService tasks;
    private final MarketService market;
    private final ExpertService experts;
    private final Pictures pictures;
    private final BillingService billing;
    private final BankService bank;
    private final Documents documents;
    private final Map<Long, Palette> palettes = new HashMap<>();
    private final List<Viewer> people = new ArrayList<>();
    private final History history;
    private final ZoneId zone;

    /** Writes through the app's own services, on a clock of its own so that the community's history spreads over past days. */
    public DemoData(Database db, Config config) {
        this.history = new History(Clock.system(config.zone()));
        this.zone = config.zone();
        Clock clock = history;
        var notifier = new Notifier(config.baseUrl(), config.zone());
        this.db = db;
        // Every demo member has the password the README publishes: hashing it at full cost a dozen times only made
        // the first start slow. A hash carries its own cost, so signing in checks it all the same.
        this.accounts = new AccountService(db, clock, config.withHashing(Config.Hashing.CHEAP), notifier);
        this.organisations = new OrganisationService(db, clock, notifier);
        this.ledger = new Ledger(clock);
        this.challenges = new ChallengeService(db, clock, notifier, ContestService.funding(ledger));
        this.questions = new QuestionService(db);
        this.technology = new TechnologyService(db, clock);
        this.responses = new ResponseService(db, clock, notifier);
        this.conversations = new ConversationService(db, clock, notifier, responses);
        this.rewards = new RewardService(db, clock, ledger);
        this.documents = new Documents(config.operator(), clock, notifier.webhooks());
        this.contests = new ContestService(db, clock, ledger, challenges, notifier, documents);
        this.royalties = new RoyaltyService(db, clock, ledger, notifier, documents);
        this.tasks = new TaskService(db, clock, ledger, notifier);
        this.market = new MarketService(db, clock, ledger, notifier, config.ceilings().paymentWithoutConfirming(), documents);
        this.experts = new ExpertService(db, clock, ledger, notifier, config.ceilings().expertPerMinute(), documents);
        this.pictures = new Pictures(config.pictures());
        this.billing = new BillingService(db, clock);
        this.bank = new BankService(db, clock, accounts, notifier);
        this.contributions = new ContributionService(db, clock, config.limits().posts(), notifier, new ImageStore(config.designs(), "images"));
        this.comments = new CommentService(db, clock, notifier, config.limits().posts());
        this.communities = new CommunityService(db, clock, notifier, config.limits().invitations());
    }

    /** Starts ten days ago and moves on a little at each reading, never past the present. */
    private static final class History extends Clock {
        private final Clock real;
        private Instant next;

        History(Clock real) {
            this.real = real;
            this.next = real.instant().minus(Duration.ofDays(10));
        }

        synchronized void skip(Duration duration) {
            next = next.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            Instant latest = real.instant().minusSeconds(60);
            next = next.plus(Duration.ofMinutes(23));
            return next.isBefore(latest) ? next : latest;
        }

        /** The platform's, as the app's clock has it: a month's points are counted in it. */
        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** The owner offers a place on the staff, and the member accepts it. */
    private void staff(Viewer owner, long organisationId, Viewer member, String role) {
        organisations.offerStaff(owner, organisationId, new StaffForm(accounts.member(member.id()).email(), role));
        organisations.answerOffer(member, organisationId, true);
    }

    /** Writes the demo community into a new database. */
    public void seed() {
        String[][] names = {
                {"Camille Martin", "camille.martin@example.com"}, {"Thomas Dubois", "thomas.dubois@example.com"},
                {"Léa Moreau", "lea.moreau@example.com"}, {"Hugo Lefèvre", "hugo.lefevre@example.com"},
                {"Chloé Garnier", "chloe.garnier@example.com"}, {"Lucas Fontaine", "lucas.fontaine@example.com"},
                {"Sophie Weber", "sophie.weber@example.com"}, {"Jonas Becker", "jonas.becker@example.com"},
                {"Inès Haddad", "ines.haddad@example.com"}, {"Marco Bianchi", "marco.bianchi@example.com"},
                {"Emma Janssens", "emma.janssens@example.com"}, {"Nathan Roux", "nathan.roux@example.com"}};
        // Hashing a password takes a fifth of a second: the members are registered two at a time.
        Map<String, Viewer> byEmail = Arrays.stream(names).parallel()
                .map(n -> new SignUpForm(n[0], n[1], PASSWORD))
                .collect(Collectors.toConcurrentMap(SignUpForm::email, f -> new Viewer(accounts.register(f), f.name(), false)));
        Arrays.stream(names).map(n -> byEmail.get(n[1])).forEach(people::add);
        var admin = new Viewer(accounts.register(new SignUpForm("Ada Admin", ADMIN_EMAIL, PASSWORD)), "Ada Admin", true);
        history.skip(Duration.ofDays(2)); // the community has been here a while: no first-day limits
        // Hugo is paid as a micro-entrepreneur under the franchise en base; the others as private individuals.
        billing.savePayee(people.get(3), new PayeeForm("BUSINESS", "FRANCHISE",
                new Party("Hugo Lefèvre EI", "8 rue Blatin", "63000", "Clermont-Ferrand", "FR", "732829320", ""), true));
        bank.save(people.get(3), BankAccount.typed("FR76 3000 6000 0112 3456 7890 189", "", "Hugo Lefèvre"), PASSWORD);

        Viewer camille = people.get(0);
        Viewer thomas = people.get(1);
        long verdier = organisation(camille, new OrganisationForm("Maison Verdier",
                "Ustensiles de cuisine fabriqués à Thiers depuis 1952. Nous concevons nos produits avec celles et ceux qui cuisinent."),
                new Palette(new Color(0xB3261E), new Color(0xF6E7D8), Motif.PAN),
                new Party("Maison Verdier SAS", "12 avenue des Couteliers", "63300", "Thiers", "FR", "123456782", "FR11123456782"));
        staff(camille, verdier, people.get(2), "MODERATOR");
        long altitude = organisation(thomas, new OrganisationForm("Cycles Altitude",
                "Electric bikes designed in Grenoble for mountain towns and daily commuters."), new Palette(new Color(0x1F4E79), new Color(0xE3F1FB), Motif.WHEEL),
                new Party("Cycles Altitude SARL", "4 quai Stéphane Jay", "38000", "Grenoble", "FR", "404833048", "FR83404833048"));
        staff(thomas, altitude, people.get(6), "MANAGER");
        deposit(verdier);
        experts();
        // Early in the story, while the demo's clock is still well behind the real one: a session needs time to run.
        session(camille, verdier, admin);

        community(verdier, camille, 2, "cuisine,induction,pâtisserie,rangement");
        community(altitude, thomas, 1, "vélo,mécanique,hiver,famille");

        long wok = challenge(camille, verdier, "Le wok idéal pour les petites cuisines", """
                Nous préparons un wok pour les cuisines de moins de 6 m². **Qu'est-ce qui vous manque aujourd'hui ?**

                - le rangement (poignée amovible ?)
                - la compatibilité avec l'induction
                - le poids""", "IDEA_GENERATION", "OUTSIDE_IN", 30);
        ideas(wok, camille, List.of(
                idea("Poignée amovible et clipsable", "Une poignée qui se retire d'un geste : le wok entre dans le four et se range à plat.", 7),
                idea("Fond plat épais pour l'induction", "Les woks ronds basculent sur les plaques. Un fond plat de 14 cm, épais, chaufferait mieux.", 5),
                idea("Couvercle en verre qui se pose debout", "Un couvercle qui tient debout sur le plan de travail libère de la place.", 3),
                idea("Version 28 cm pour deux personnes", "32 cm c'est trop pour un studio. 28 cm suffirait pour deux.", 2)));
        long pan = challenges.create(camille, verdier, new ChallengeForm("Poêle en fonte émaillée légère : vos retours", """
                Notre prototype pèse 1,2 kg au lieu de 2,1 kg. Remplissez le questionnaire de test et racontez-nous vos premières cuissons.""",
                "PROTOTYPING", "COMMUNITY", List.of("TEST_REPORT", "VALIDATION", "EXPERIENCE"), "", today().plusDays(14).toString(), "", "", "",
                Segment.EVERYONE, "PUBLIC", ""), NewPicture.KEEP);
        ask(camille, pan);
        challenges.open(camille, pan);
        testReports(pan, camille);
        ideas(pan, camille, List.of(
                new Seed("EXPERIENCE", "Trois semaines de cuissons quotidiennes", "Aucune tache, l'émail tient. Elle chauffe vite mais garde moins bien la chaleur pour saisir une viande.", 4),
                new Seed("EXPERIENCE", "Parfaite pour les crêpes", "La légèreté change tout pour retourner les crêpes.", 2)));
        panel(camille, pan);
        // A draft: only Maison Verdier's staff see it.
        challenges.create(camille, verdier, new ChallengeForm("Un emballage sans plastique",
                "Aidez-nous à supprimer le film plastique de nos boîtes.", "PACKAGING", "COMMUNITY", List.of(), "", "", "", "10", "", Segment.EVERYONE, "PUBLIC", ""), NewPicture.KEEP);
        motor(thomas, altitude);
        long winter = challenge(thomas, altitude, "Commuting through winter: your experiences", """
                Snow, salt and cold batteries. How did your e-bike cope last winter?""", "LAUNCH", "COMMUNITY", 10);
        ideas(winter, thomas, List.of(
                new Seed("EXPERIENCE", "Battery range halves below -5 °C", "Keeping the battery indoors overnight gave me back about a third of the range.", 5),
                new Seed("EXPERIENCE", "Salt ate my chain in a month", "A sealed belt drive would be worth paying for.", 3)));
        contest(camille, verdier);
        marketplace(camille, wok);
        designs(camille, verdier);
        long cargo = challenges.create(thomas, altitude, new ChallengeForm("Cargo bike concept: would you buy it?",
                "A compact longtail for two children. Tell us whether it fits your life.", "CONCEPT_TEST", "COMMUNITY",
                List.of(), today().plusDays(5).toString(), today().plusDays(40).toString(),
                today().plusDays(50).toString(), "", "", Segment.EVERYONE, "PUBLIC", ""), NewPicture.KEEP);
        questions.addQuestion(thomas, cargo, new QuestionForm("How well would it fit where you park your bike?", "score", "Not at all", "Perfectly"));
        questions.addHypothesis(thomas, cargo, new QuestionForm("Parents would pay 4,000 EUR for a longtail that fits in a lift.", "", "", ""));
        LoggerFactory.getLogger(DemoData.class).info("Demo data written. Every demo member's password is {}: owners camille.martin@example.com "
                + "(Maison Verdier) and thomas.dubois@example.com (Cycles Altitude), moderator lea.moreau@example.com, manager sophie.weber@example.com, "
                + "contributors such as hugo.lefevre@example.com, platform admin {} (the README lists them all)", PASSWORD, ADMIN_EMAIL);
    }

    /** Maison Verdier paid 5,000 EUR into its wallet by bank transfer, and has its receipt. */
    private void deposit(long verdier) {
        var deposit = Transfer.of(Keys.deposit(verdier, "VIR-2026-0117"), Event.DEPOSIT, "VIR-2026-0117", new Cause(Cause.DEPOSIT, verdier))
                .move(Account.world("EUR"), Account.wallet(verdier, "EUR"), 5_000_00);
        db.execute(h -> {
            ledger.record(h, deposit);
            documents.received(h, new Documents.Receipt(verdier, 5_000_00, "EUR", "VIR-2026-0117", deposit.key()));
        });
    }

    /**
     * A finished contest with a royalty: Maison Verdier funded prizes of 300, 150 and a 50 mention, paid its winners,
     * fixed the royalty shares and declared a first quarter of sales.
     */
    private void contest(Viewer camille, long verdier) {
        long pot = challenges.create(camille, verdier, new ChallengeForm("La cocotte 24 cm : ce qu'il faut améliorer", "Concours terminé : merci à toutes et tous !",
                "LAUNCH", "OUTSIDE_IN", List.of("IDEA"), "", today().plusDays(5).toString(), "", "", "", Segment.EVERYONE, "PUBLIC", ""), NewPicture.KEEP);
        rewards.setPlan(camille, pot, new PlanForm(List.of("300", "150", "", "", ""), "1", "50", "2", new ReflectionForm(true, "14", "50", "200")), Locale.FRENCH);
        challenges.open(camille, pot);
        var ids = ideas(pot, camille, List.of(idea("Des poignées plus larges", "Avec des maniques, on n'attrape pas bien les poignées actuelles.", 6),
                idea("Un couvercle qui sert de plat", "Retourné, le couvercle en fonte ferait un plat à gratin.", 4),
                idea("Une graduation intérieure", "Des repères à 1 l, 2 l et 3 l gravés dans l'émail.", 3)));
        challenges.move(camille, pot, ChallengeState.REVIEW);
        contests.settle(camille, pot, Map.of(1, ids.get(0), 2, ids.get(1)), List.of(ids.get(2)),
                "Le couvercle à bec verseur sera dans notre collection d'automne. Merci à toutes et à tous.");
        var weights = royalties.managed(camille, pot).royalty().shares().stream().collect(Collectors.toMap(Share::memberId, share -> "1"));
        royalties.saveShares(camille, pot, weights, true);
        royalties.declare(camille, pot, YearMonth.now(history.withZone(zone)).toString(), "12 480,00", Locale.FRENCH, zone);
        challenges.move(camille, pot, ChallengeState.CLOSED);
    }

    /**
     * A marketplace price paid to Hugo, a micro-entrepreneur: his idea for the wok accepted, 2,600 EUR offered for the
     * drawings of the support in three sizes, agreed, delivered and approved, which issues his self-billed invoice and
     * the platform's invoice for its fee. It takes him past the line of the yearly platform report without his tax
     * number, so his payouts wait for it.
     */
    private void marketplace(Viewer camille, long wok) {
        var hugo = people.get(3);
        long idea = contributions.submit(hugo, wok, ContributionForm.written("IDEA", "Un support mural pour ranger le wok à plat",
                "Deux crochets en acier vissés au mur : le wok se range à plat, la poignée vers le bas.", Map.of()), "demo-" + hugo.memberId());
        responses.respond(camille, idea, new ResponseForm("ACCEPTED", "Nous en faisons un accessoire : merci, Hugo !", ""));
        long offer = market.offer(camille, idea, "2 600", Locale.FRENCH);
        market.accept(hugo, offer);
        market.deliver(hugo, offer, "Plans et cotes du support en trois tailles, en PDF.");
        market.approve(camille, offer);
    }

    /** A test panel at home, paid what Maison Verdier wishes once it has the notebook: picked, delivered, received. */
    private void panel(Viewer camille, long pan) {
        long task = tasks.post(camille, pan, new TaskService.TaskForm("Panel de test à domicile, deux semaines", """
                Cuisinez avec le prototype pendant deux semaines et tenez un carnet : cuissons, poids ressenti, nettoyage.""", "",
                new ReflectionForm(true, "14", "80", "250")), Locale.FRENCH);
        var tester = people.stream().filter(p -> challenges.access(p, pan).eligibility().allowed() && !challenges.access(p, pan).staff()).findFirst().orElseThrow();
        tasks.apply(tester, task, "J'ai une plaque à induction et je cuisine tous les jours.");
        long offer = tasks.pick(camille, task, tester.memberId());
        market.deliver(tester, offer, "Carnet de 14 jours : 31 cuissons, l'émail intact, la poignée chauffe au-delà de 20 minutes.");
        market.approve(camille, offer);
    }

    /** Hugo and Chloé, contributors on no staff, take bookings, so that the experts' directory has someone to book. */
    private void experts() {
        experts.setRate(people.get(3), new ExpertService.RateForm("1,20", "10", true), Locale.FRENCH);
        experts.setRate(people.get(4), new ExpertService.RateForm("0,90", "15", true), Locale.FRENCH);
    }

    /**
     * Camille booked Hugo for half an hour on the wok's handle and found half of it off the subject: the platform
     * refunded part of the bill, so Hugo's invoice is cancelled by a credit note and what is left invoiced anew.
     */
    private void session(Viewer camille, long verdier, Viewer admin) {
        var hugo = people.get(3);
        var slot = history.instant().plus(Duration.ofHours(2)).atZone(zone).truncatedTo(ChronoUnit.MINUTES);
        long id = experts.book(camille, hugo.id(), new ExpertService.BookingForm(String.valueOf(verdier), slot.toLocalDate().toString(),
                slot.toLocalTime().toString(), "30", "Poignée amovible du wok : est-elle faisable en fonte ?", "demo-session-wok-handle"), zone);
        history.skip(Duration.ofHours(2));
        experts.start(hugo, id);
        history.skip(Duration.ofMinutes(30));
        experts.end(hugo, id);
        experts.dispute(camille, id, "La moitié de la séance a porté sur un autre produit que le nôtre.");
        experts.settle(admin, id, "6,00", Locale.FRENCH);
    }

    /** Everyone but the staff applies; the last {@code pending} wait for an answer, the others are approved. */
    private void community(long organisationId, Viewer moderator, int pending, String tags) {
        String[] cities = {"Lyon", "Grenoble", "Clermont-Ferrand", "Bruxelles", "Genève", "Milano", "Köln", "Paris"};
        var applicants = people.stream().filter(p -> !organisations.access(p, organisationId).staff()).toList();
        for (int i = 0; i < applicants.size(); i++) {
            var applicant = applicants.get(i);
            String[] tagList = tags.split(",", -1);
            communities.apply(applicant, organisationId, new ApplicationForm(cities[i % cities.length], i % 3 == 0 ? "Belgique" : "France",
                    ApplicationForm.AGE_RANGES.get(i % ApplicationForm.AGE_RANGES.size()), i % 2 == 0 ? "Enseignante" : "Ingénieur",
                    "J’utilise vos produits presque tous les jours.", tagList[i % tagList.length] + ", " + tagList[(i + 1) % tagList.length],
                    "Donner mon avis avant que le produit soit figé."));
            if (i < applicants.size() - pending) {
                communities.approve(moderator, organisationId, applicant.memberId(), "Bienvenue dans la communauté ! / Welcome aboard!");
            }
        }
    }

    private record Seed(String kind, String title, String body, int votes, Map<String, String> answers) {
        Seed(String kind, String title, String body, int votes) {
            this(kind, title, body, votes, Map.of());
        }
    }

    private static Seed idea(String title, String body, int votes) {
        return new Seed("IDEA", title, body, votes);
    }

    /** A communication challenge with two label designs, each a picture drawn here, so that lists show thumbnails. */
    private void designs(Viewer manager, long organisationId) {
        long labels = challenge(manager, organisationId, "L'étiquette de la poêle légère", """
                Proposez l'étiquette de notre poêle de 1,2 kg : couleurs, mots, ce qui doit se voir en rayon.""", "COMMUNICATION", "COMMUNITY", 20);
        var authors = people.stream().filter(p -> !p.equals(manager) && challenges.access(p, labels).eligibility().allowed()).toList();
        String[][] designs = {{"Rouge Thiers, lettres blanches", "Le rouge de la fonte émaillée, le poids en gros : **1,2 kg**."},
            {"Kraft et encre bleue", "Une étiquette en carton brut, sans plastique, imprimée à une couleur."}};
        Color[][] colours = {{new Color(0xB3261E), Color.WHITE}, {new Color(0xC8A878), new Color(0x1F3A93)}};
        for (int i = 0; i < designs.length && i < authors.size(); i++) {
            byte[] picture = label(colours[i][0], colours[i][1]);
            contributions.submit(authors.get(i), labels, ContributionForm.designed(designs[i][0], designs[i][1],
                    List.of(() -> new ByteArrayInputStream(picture))), "demo-" + authors.get(i).memberId());
        }
    }

    private static byte[] label(Color background, Color ink) {
        return drawn(800, 500, background, g -> {
            g.setColor(ink);
            g.setStroke(new BasicStroke(8));
            g.drawRoundRect(40, 40, 720, 420, 40, 40);
            g.fillOval(90, 110, 180, 180);
            g.fillRect(320, 140, 380, 36);
            g.fillRect(320, 210, 280, 24);
            g.fillRect(320, 260, 320, 24);
            g.fillRect(90, 360, 610, 50);
        });
    }

    /** What an organisation makes, drawn on its challenges' covers and its logo. */
    private enum Motif { PAN, WHEEL }

    private record Palette(Color background, Color ink, Motif motif) {
    }

    private static byte[] logo(Palette palette) {
        return drawn(300, 300, palette.background(), g -> motif(g, palette, 150, 150, 90));
    }

    private static byte[] cover(Palette palette, int seed) {
        return drawn(1200, 500, palette.background(), g -> {
            g.setColor(palette.ink().darker());
            for (int i = 0; i < 6; i++) g.fillOval((seed * 170 + i * 230) % 1200 - 60, (seed * 90 + i * 140) % 500 - 60, 90, 90);
            motif(g, palette, 600 + (seed % 3 - 1) * 220, 250, 150);
        });
    }

    private static void motif(Graphics2D g, Palette palette, int x, int y, int r) {
        g.setColor(palette.ink());
        g.setStroke(new BasicStroke(r / 6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (palette.motif() == Motif.PAN) {
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.drawLine(x + r, y, x + 2 * r, y - r / 3);
        } else {
            int w = r / 2;
            g.drawOval(x - r - w, y - w / 2, 2 * w, 2 * w);
            g.drawOval(x + r - w, y - w / 2, 2 * w, 2 * w);
            g.drawLine(x - r, y + w / 2, x, y - w / 2);
            g.drawLine(x, y - w / 2, x + r, y + w / 2);
        }
    }

    /** A picture of shapes, not letters: a machine without fonts draws them all the same. */
    private static byte[] drawn(int width, int height, Color background, Consumer<Graphics2D> painter) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The pan's questionnaire and hypotheses, written before it opens. */
    private void ask(Viewer manager, long challengeId) {
        questions.addQuestion(manager, challengeId, new QuestionForm("Poids en main", "score", "Trop lourde", "Parfaite"));
        questions.addQuestion(manager, challengeId, new QuestionForm("Répartition de la chaleur", "score", "Inégale", "Très homogène"));
        questions.addQuestion(manager, challengeId, new QuestionForm("Facilité de nettoyage", "score", "Difficile", "Très facile"));
        questions.addQuestion(manager, challengeId, new QuestionForm("Que changeriez-vous en premier ?", "text", "", ""));
        questions.addHypothesis(manager, challengeId, new QuestionForm("Une poêle en fonte de 1,2 kg se manie d'une main.", "", "", ""));
        questions.addHypothesis(manager, challengeId, new QuestionForm("Vous la paieriez 89 € plutôt que 69 € pour l'émail garanti 10 ans.", "", "", ""));
    }

    /** Test reports and validations on the pan, so that its page shows scores and splits. */
    private void testReports(long challengeId, Viewer manager) {
        var asked = contributions.asked(challengeId);
        var q = asked.questions().stream().map(question -> question.id()).toList();
        var h = asked.hypotheses().stream().map(hypothesis -> hypothesis.id()).toList();
        int[][] scores = {{5, 4, 4}, {4, 3, 5}, {5, 4, 3}, {3, 4, 4}};
        String[] changes = {"Un bec verseur pour les sauces.", "Une poignée un peu plus longue.", "Rien, elle est très bien.",
            "Un fond plus épais pour saisir."};
        boolean[][] agrees = {{true, true}, {true, false}, {false, false}};
        var authors = people.stream().filter(p -> !p.equals(manager) && challenges.access(p, challengeId).eligibility().allowed()).toList();
        for (int i = 0; i < scores.length && i < authors.size(); i++) {
            var answers = Map.of("score-" + q.get(0), Integer.toString(scores[i][0]), "score-" + q.get(1), Integer.toString(scores[i][1]),
                    "score-" + q.get(2), Integer.toString(scores[i][2]), "answer-" + q.get(3), changes[i]);
            contributions.submit(authors.get(i), challengeId, ContributionForm.written("TEST_REPORT", "Test de " + authors.get(i).name(), "", answers),
                    "demo-" + authors.get(i).memberId());
        }
        for (int i = 0; i < agrees.length && i < authors.size(); i++) {
            var answers = Map.of("agrees-" + h.get(0), agrees[i][0] ? "agree" : "disagree", "reason-" + h.get(0), agrees[i][0] ? "Oui, même pleine." : "Pas avec un poignet fragile.",
                    "agrees-" + h.get(1), agrees[i][1] ? "agree" : "disagree", "reason-" + h.get(1), agrees[i][1] ? "La garantie vaut l'écart." : "69 € est mon maximum.");
            contributions.submit(authors.get(i), challengeId, ContributionForm.written("VALIDATION", "Mon avis, " + authors.get(i).name(), "", answers),
                    "demo-" + authors.get(i).memberId());
        }
    }

    /** An organisation with a logo and a billing profile, whose challenges will have covers in its colours. */
    private long organisation(Viewer owner, OrganisationForm form, Palette palette, Party billed) {
        long id = organisations.create(owner, form);
        billing.saveBilling(owner, id, billed);
        organisations.update(owner, id, form, new NewPicture(true, pictures.keep(new ByteArrayInputStream(logo(palette)))));
        palettes.put(id, palette);
        return id;
    }

    /** An open challenge with a cover in its organisation's colours. */
    private long challenge(Viewer manager, long organisationId, String title, String brief, String stage, String mode, int daysLeft) {
        long id = draft(manager, organisationId, title, brief, stage, mode, daysLeft);
        challenges.open(manager, id);
        return id;
    }

    private long draft(Viewer manager, long organisationId, String title, String brief, String stage, String mode, int daysLeft) {
        var cover = new NewPicture(true, pictures.keep(new ByteArrayInputStream(cover(palettes.get(organisationId), title.length()))));
        return challenges.create(manager, organisationId, new ChallengeForm(title, brief, stage, mode, List.of(), "",
                today().plusDays(daysLeft).toString(), "", "", "", Segment.EVERYONE, "PUBLIC", ""), cover);
    }

    /**
     * An inside-out challenge: Cycles Altitude opens its hub motor to other companies, with its technology sheet.
     * Three proposals come in; with the first proposer it talks privately and records a supply agreement.
     */
    private void motor(Viewer thomas, long altitude) {
        long motor = draft(thomas, altitude, "What would you build with our 250 W hub motor?", """
                Our new hub motor is light, quiet and fits 20" to 29" wheels. We will license it or supply it to companies
                that build something new around it: tell us what, and for whom.""", "IDEA_GENERATION", "INSIDE_OUT", 21);
        technology.describe(thomas, motor, new TechnologyForm("""
                A brushless hub motor with its controller, designed and assembled in our Annecy workshop.

                | Spec | Value |
                |---|---|
                | Power | 250 W |
                | Torque | 45 Nm |
                | Weight | 2.1 kg |""", "Assists up to 25 km/h, climbs 12 % slopes fully loaded, runs 2,000 hours between services.",
                List.of("LICENCE", "SUPPLY"), "What a hub motor is https://en.wikipedia.org/wiki/Hub_motor", List.of()), NewPicture.KEEP);
        challenges.open(thomas, motor);
        var proposals = ideas(motor, thomas, List.of(
                application("A folding cargo trailer with assist", "A trailer that pushes itself uphill: no need to change bike to carry kids or shopping.",
                        "Remorques Léon", "Families in hilly towns", "SUPPLY", 9),
                application("Adaptive tricycle for older riders", "Stable, low step-through, gentle assist. My father would ride again.",
                        "TriCare", "Retirement homes and their residents", "LICENCE", 6),
                application("Retrofit kit for city-share bikes", "Many towns have old shared bikes. A retrofit kit would give them a second life.",
                        "Second Souffle", "Towns running bike-share schemes", "SUPPLY", 4)));
        long trailer = proposals.get(0);
        conversations.write(thomas, trailer, "Bonjour ! How many motors a year would you need, and from when?");
        conversations.agree(thomas, trailer, new AgreementForm("SUPPLY",
                "Cycles Altitude supplies Remorques Léon with 500 motors a year for its assisted trailer, from next spring."));
    }

    private static Seed application(String title, String body, String proposer, String market, String arrangement, int votes) {
        return new Seed("APPLICATION", title, body, votes, Map.of("proposer", proposer, "market", market, "arrangement", arrangement));
    }

    /** Contributions by members other than the manager, each with its votes and a short conversation. */
    private List<Long> ideas(long challengeId, Viewer manager, List<Seed> seeds) {
        var ids = new ArrayList<Long>();
        var contributors = people.stream()
                .filter(p -> challenges.access(p, challengeId).eligibility().allowed() && !challenges.access(p, challengeId).staff())
                .toList();
        for (int i = 0; i < seeds.size(); i++) {
            Seed seed = seeds.get(i);
            Viewer author = contributors.get((int) ((challengeId * 3 + i * 5L) % contributors.size()));
            long id = contributions.submit(author, challengeId, ContributionForm.written(seed.kind(), seed.title(), seed.body(), seed.answers()), "demo-" + author.memberId());
            ids.add(id);
            var voters = contributors.stream().filter(p -> !p.equals(author)).limit(seed.votes()).toList();
            voters.forEach(v -> contributions.vote(v, id));
            Viewer commenter = voters.isEmpty() ? manager : voters.get(0);
            long first = comments.add(commenter, id, new CommentForm("Bonne idée ! / Good point — how often would you use it?", ""), "demo-" + commenter.memberId());
            comments.add(author, id, new CommentForm("Almost every day, *honestly*.", Long.toString(first)), "demo-" + author.memberId());
            if (i == 0) comments.add(manager, id, new CommentForm("Merci, nous regardons cela avec l'équipe produit.", ""), "demo-" + manager.memberId());
        }
        return ids;
    }

    /** Today in the platform's time zone, the one the challenge form reads its days in. */
    private LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }
}

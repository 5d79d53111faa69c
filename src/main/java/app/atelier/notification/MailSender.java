package app.atelier.notification;

import app.atelier.db.Database;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox over SMTP; with no mail server set, writes each email to the log instead, once, with its links
 * apart, and leaves it in the outbox. A failure is retried later, waiting twice as long each time (up to six hours);
 * a sent email is marked at once, so a restart does not send it again. Each email carries a Message-ID made from
 * its outbox row, so that even a resend after a crash between sending and marking is recognised downstream.
 */
public final class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 50;
    /** How long a batch taken is kept from the other instances' senders: far longer than sending it takes. */
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** Where and as whom to send; no host means emails stay in the outbox. */
    public record Smtp(String host, int port, String user, String password, String from) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /** What hands a message to the mail server: {@link Transport#send}, or in a test a stand-in that fails on cue. */
    interface Postman {
        void send(MimeMessage message, String user, String password) throws MessagingException;
    }

    private final Database db;
    private final Clock clock;
    private final Smtp smtp;
    private final Postman postman;
    private final Consumer<String> log;
    private final Session session;

    public MailSender(Database db, Clock clock, Smtp smtp) {
        this(db, clock, smtp, Transport::send, LOG::info);
    }

    /** @param log where an email goes when no mail server is set: the log, or in a test a list */
    MailSender(Database db, Clock clock, Smtp smtp, Postman postman, Consumer<String> log) {
        this.db = db;
        this.clock = clock;
        this.smtp = smtp;
        this.postman = postman;
        this.log = log;
        var properties = new Properties();
        properties.put("mail.smtp.host", String.valueOf(smtp.host()));
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.auth", Boolean.toString(smtp.user() != null && !smtp.user().isBlank()));
        this.session = Session.getInstance(properties);
    }

    /** Takes what is due, so that no other instance sends it too, and sends it; returns how many went out. */
    public int deliver() {
        if (!smtp.configured()) return writeToLog();
        int sent = 0;
        var now = clock.instant();
        for (var email : db.write(h -> h.attach(NotificationDao.class).take(now, now.plus(HOLD), BATCH))) {
            try {
                postman.send(message(email), smtp.user(), smtp.password());
                db.execute(h -> h.attach(NotificationDao.class).sent(email.id(), clock.instant()));
                sent++;
            } catch (MessagingException e) {
                if (refusedForGood(e)) {
                    LOG.warn("email {} not sent: the address was refused for good: {}", email.id(), e.getMessage());
                    db.execute(h -> h.attach(NotificationDao.class).failedForGood(email.id(), clock.instant(), String.valueOf(e.getMessage())));
                    continue;
                }
                var wait = backOff(email.attempts());
                LOG.warn("email {} not sent (attempt {}), next try in {}: {}", email.id(), email.attempts() + 1, wait, e.getMessage());
                db.execute(h -> h.attach(NotificationDao.class).failed(email.id(), clock.instant().plus(wait), String.valueOf(e.getMessage())));
            }
        }
        return sent;
    }

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** Writes each email not yet logged as one block: to whom, its subject, and each link in it on a line of its own. */
    private int writeToLog() {
        var emails = db.write(h -> h.attach(NotificationDao.class).takeForLog(clock.instant(), BATCH));
        for (var email : emails) {
            var block = new StringBuilder("\n---- Email not sent (no mail server is set: ATELIER_SMTP_HOST) ----\nTo:      ")
                    .append(email.toAddress()).append("\nSubject: ").append(email.subject());
            var links = LINK.matcher(email.body());
            while (links.find()) block.append("\nLink:    ").append(links.group());
            log.accept(block.append("\n----").toString());
        }
        return emails.size();
    }

    /**
     * An address that cannot be written, or that the server refused with a permanent (5xx) answer, will never be
     * delivered; a server that is down or busy (4xx, no connection) may deliver it later.
     */
    static boolean refusedForGood(MessagingException e) {
        if (e instanceof AddressException) return true;
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500) return true;
        }
        return false;
    }

    static Duration backOff(int attempts) {
        var wait = Duration.ofMinutes(1L << Math.min(attempts, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private MimeMessage message(OutboxEmail email) throws MessagingException {
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<outbox-" + email.id() + "@atelier>");
            }
        };
        message.setFrom(new InternetAddress(smtp.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.toAddress()));
        message.setSubject(email.subject(), "UTF-8");
        if (email.calendar() == null) {
            message.setText(email.body(), "UTF-8");
            return message;
        }
        // An invitation: the words, and the event as a calendar reads it, which offers to add or remove it.
        var text = new MimeBodyPart();
        text.setText(email.body(), "UTF-8");
        var calendar = new MimeBodyPart();
        String method = email.calendar().contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
        calendar.setContent(email.calendar(), "text/calendar; charset=UTF-8; method=" + method);
        calendar.setFileName(method.equals("CANCEL") ? "cancel.ics" : "invite.ics");
        message.setContent(new MimeMultipart("mixed", text, calendar));
        return message;
    }
}

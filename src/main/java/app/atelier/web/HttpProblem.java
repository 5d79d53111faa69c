package app.atelier.web;

import java.time.Duration;

/** The ways a request can be refused; {@link ErrorPages} renders each one. */
public abstract sealed class HttpProblem extends RuntimeException {
    private final int status;
    private final Message message;

    HttpProblem(int status, Message message) {
        super(message.key(), null, false, false);
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public Message message() {
        return message;
    }

    /** Where the person can go to get past the refusal, if anywhere. */
    public String link() {
        return null;
    }

    /** The words of that link's button. */
    public String linkKey() {
        return "error.wayIn";
    }

    /** How long to wait before trying again, said in a Retry-After header; 0 for a refusal that waiting does not lift. */
    public long retryAfterSeconds() {
        return 0;
    }

    /** A request the server cannot read: a body that is not a form, a charset nobody knows. */
    public static final class BadRequest extends HttpProblem {
        public BadRequest() {
            this("error.badRequest");
        }

        /** A request unreadable in the way the key says: a call to the API whose body is not what it takes. */
        public BadRequest(String key) {
            super(400, new Message(key));
        }
    }

    /** A body of a type the route does not read: a call to the API that does not send JSON. */
    public static final class UnsupportedType extends HttpProblem {
        public UnsupportedType(String key) {
            super(415, new Message(key));
        }
    }

    /** A body over the size the platform takes. */
    public static final class TooLarge extends HttpProblem {
        public TooLarge() {
            super(413, new Message("error.tooLarge"));
        }
    }

    /**
     * The platform cannot serve this now (too many passwords being checked at once, a full disk); waiting helps.
     */
    public static final class Unavailable extends HttpProblem {
        private final long retryAfterSeconds;

        public Unavailable(String key, long retryAfterSeconds) {
            super(503, new Message(key));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static final class NotFound extends HttpProblem {
        public NotFound() {
            super(404, new Message("error.notFound"));
        }
    }

    public static final class Forbidden extends HttpProblem {
        public Forbidden(String key, Object... args) {
            super(403, new Message(key, args));
        }

        public Forbidden() {
            this("error.forbidden");
        }
    }

    /** A member who may not take part in a challenge: the message says why, the link leads to the community. */
    public static final class NotEligible extends HttpProblem {
        private final long organisationId;

        public NotEligible(String key, long organisationId, String organisationName) {
            this(new Message(key, organisationName), organisationId);
        }

        public NotEligible(Message why, long organisationId) {
            super(403, why);
            this.organisationId = organisationId;
        }

        @Override
        public String link() {
            return Paths.organisation(organisationId);
        }
    }

    /** An action that needs a verified address: creating an organisation, joining its staff. */
    public static final class AddressNotVerified extends HttpProblem {
        public AddressNotVerified() {
            super(403, new Message("error.verifyFirst"));
        }

        @Override
        public String link() {
            return "/account#email";
        }

        @Override
        public String linkKey() {
            return "account.verifyNow";
        }
    }

    /** An action that needs a signed-in member, asked for by a visitor. */
    public static final class SignInRequired extends HttpProblem {
        public SignInRequired() {
            super(401, new Message("error.signIn"));
        }
    }

    public static final class TooManyRequests extends HttpProblem {
        private final long retryAfterSeconds;
        private final String link;

        public TooManyRequests(long retryAfterSeconds) {
            this(retryAfterSeconds, "error.tooMany", null);
        }

        /** @param link a way in that does not wait, such as resetting the password */
        public TooManyRequests(long retryAfterSeconds, String key, String link) {
            super(429, new Message(key, Duration.ofSeconds(retryAfterSeconds)));
            this.retryAfterSeconds = retryAfterSeconds;
            this.link = link;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public String link() {
            return link;
        }

        @Override
        public String linkKey() {
            return "error.resetLink";
        }
    }

    /** A limit reached, with its own message: a new member's first day, for example. */
    public static final class Limited extends HttpProblem {
        public Limited(String key, Object... args) {
            super(429, new Message(key, args));
        }
    }

    /** A rule of the platform that the request breaks, such as voting on a closed challenge. */
    public static final class Conflict extends HttpProblem {
        public Conflict(String key, Object... args) {
            super(409, new Message(key, args));
        }
    }
}

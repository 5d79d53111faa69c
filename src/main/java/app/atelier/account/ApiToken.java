package app.atelier.account;

import java.time.Instant;

/** A token a member calls the API with, as themselves: its name, what it may do, and its life. The secret is not kept. */
public record ApiToken(long id, long memberId, String name, Scope scope, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public enum Scope {
        /** Reads what the member may read on the pages. */
        READ,
        /** Also acts as the member: contributes, comments, votes, answers. */
        WRITE;

        public String key() {
            return "token.scope." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What every secret starts with, so that one found in a log or a repository is known for what it is. */
    public static final String PREFIX = "atl_";
    static final int NAME_MAX = 100;
    /** The most tokens a member keeps unrevoked at once. */
    static final int MOST = 20;

    public boolean active() {
        return revokedAt == null;
    }
}

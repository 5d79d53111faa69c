-- Tokens a member creates to call the API as themselves: named, read or write, kept as a hash of the secret shown
-- once, revocable, with when they were last used.
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY,
    member_id    BIGINT NOT NULL REFERENCES member (id),
    name         TEXT   NOT NULL,
    scope        TEXT   NOT NULL CHECK (scope IN ('READ', 'WRITE')),
    secret_hash  TEXT   NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX api_token_member ON api_token (member_id, id);

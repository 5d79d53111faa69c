-- Times are epoch milliseconds (INTEGER), so they sort and compare the same on SQLite and PostgreSQL.

CREATE TABLE member (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL UNIQUE,   -- lower-cased email: uniqueness is case-insensitive
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    bio           TEXT    NOT NULL DEFAULT '',
    locale        TEXT,
    created_at    INTEGER NOT NULL
);

CREATE TABLE web_session (
    id           TEXT    PRIMARY KEY,        -- random, 256 bits, base64url
    member_id    INTEGER REFERENCES member (id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX web_session_expiry ON web_session (expires_at);

CREATE TABLE login_failure (
    throttle_key    TEXT    PRIMARY KEY,     -- 'email:...' or 'address:...'
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);

CREATE TABLE organisation_staff (
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    member_id       INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    role            TEXT    NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'MODERATOR')),
    added_at        INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, member_id)
);
CREATE INDEX organisation_staff_member ON organisation_staff (member_id);

CREATE TABLE challenge (
    id                 INTEGER PRIMARY KEY,
    organisation_id    INTEGER NOT NULL REFERENCES organisation (id),
    title              TEXT    NOT NULL,
    brief              TEXT    NOT NULL,
    stage              TEXT    NOT NULL,
    mode               TEXT    NOT NULL,
    kinds              TEXT    NOT NULL,     -- accepted contribution kinds, comma-separated
    state              TEXT    NOT NULL DEFAULT 'DRAFT',
    opens_at           INTEGER,
    closes_at          INTEGER,
    opened_at          INTEGER,
    created_by         INTEGER NOT NULL REFERENCES member (id),
    created_at         INTEGER NOT NULL,
    contribution_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX challenge_by_state ON challenge (state, opened_at DESC, id DESC);
CREATE INDEX challenge_by_organisation ON challenge (organisation_id, id DESC);

CREATE TABLE contribution (
    id            INTEGER PRIMARY KEY,
    challenge_id  INTEGER NOT NULL REFERENCES challenge (id),
    author_id     INTEGER NOT NULL REFERENCES member (id),
    kind          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'SUBMITTED',
    vote_count    INTEGER NOT NULL DEFAULT 0,
    comment_count INTEGER NOT NULL DEFAULT 0,
    trending      REAL    NOT NULL,          -- see Ranking: fixed at write time, so it can be indexed
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX contribution_newest ON contribution (challenge_id, id DESC);
CREATE INDEX contribution_top ON contribution (challenge_id, vote_count DESC, id DESC);
CREATE INDEX contribution_trending ON contribution (challenge_id, trending DESC, id DESC);
CREATE INDEX contribution_by_author ON contribution (author_id, id DESC);

CREATE TABLE vote (
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    member_id       INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (contribution_id, member_id)
);

CREATE TABLE comment (
    id              INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    author_id       INTEGER NOT NULL REFERENCES member (id),
    parent_id       INTEGER REFERENCES comment (id),
    body            TEXT    NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX comment_by_contribution ON comment (contribution_id, id);
CREATE INDEX comment_by_parent ON comment (parent_id);

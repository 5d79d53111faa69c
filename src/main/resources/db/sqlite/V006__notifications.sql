-- In-app notifications, each member's delivery choices, and the email outbox.

CREATE TABLE notification (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    actor_name TEXT    NOT NULL,
    subject    TEXT    NOT NULL,            -- the title of what it is about
    detail_key TEXT    NOT NULL DEFAULT '', -- a word from the bundles, such as the new state of a challenge
    link       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
);
CREATE INDEX notification_by_member ON notification (member_id, id DESC);
CREATE INDEX notification_unread ON notification (member_id) WHERE read_at IS NULL;

CREATE TABLE notification_preference (
    member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL,
    delivery  TEXT    NOT NULL CHECK (delivery IN ('NOW', 'DIGEST', 'OFF')),
    PRIMARY KEY (member_id, kind)
);

-- Written in the same transaction as the event; a sender delivers it, retrying with back-off.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER REFERENCES member (id) ON DELETE SET NULL,
    to_address      TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    digest          INTEGER NOT NULL DEFAULT 0,   -- 1: waits for the member's daily digest
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT    NOT NULL DEFAULT '',
    sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND digest = 0;
CREATE INDEX outbox_digest ON outbox (member_id) WHERE sent_at IS NULL AND digest = 1;

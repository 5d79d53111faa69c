-- Either side may call off a session not yet started: its whole hold goes back, and it is CANCELLED.
-- SQLite cannot widen a CHECK in place, so the table is rebuilt; no foreign key points at it.
CREATE TABLE expert_session_new (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id),
    expert_id       INTEGER NOT NULL REFERENCES member (id),
    booked_by       INTEGER NOT NULL REFERENCES member (id),
    topic           TEXT    NOT NULL,
    slot_at         INTEGER NOT NULL,
    planned_minutes INTEGER NOT NULL CHECK (planned_minutes > 0),
    per_minute      INTEGER NOT NULL CHECK (per_minute > 0),
    free_minutes    INTEGER NOT NULL CHECK (free_minutes >= 0),
    currency        TEXT    NOT NULL,
    held            INTEGER NOT NULL CHECK (held >= 0),
    state           TEXT    NOT NULL CHECK (state IN ('BOOKED', 'RUNNING', 'ENDED', 'DISPUTED', 'PAID', 'EXPIRED', 'CANCELLED')),
    started_at      INTEGER,
    ended_at        INTEGER,
    minutes_used    INTEGER,
    billed          INTEGER,
    refunded        INTEGER NOT NULL DEFAULT 0,
    dispute         TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);

INSERT INTO expert_session_new (id, organisation_id, expert_id, booked_by, topic, slot_at, planned_minutes, per_minute, free_minutes, currency, held, state, started_at, ended_at, minutes_used, billed, refunded, dispute, created_at)
SELECT id, organisation_id, expert_id, booked_by, topic, slot_at, planned_minutes, per_minute, free_minutes, currency, held, state, started_at, ended_at, minutes_used, billed, refunded, dispute, created_at FROM expert_session;
DROP TABLE expert_session;
ALTER TABLE expert_session_new RENAME TO expert_session;
CREATE INDEX expert_session_by_expert ON expert_session (expert_id, slot_at DESC);
CREATE INDEX expert_session_by_organisation ON expert_session (organisation_id, slot_at DESC);
CREATE INDEX expert_session_unsettled ON expert_session (state, slot_at) WHERE state IN ('BOOKED', 'RUNNING', 'ENDED');

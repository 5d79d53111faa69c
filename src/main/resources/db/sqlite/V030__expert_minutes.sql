-- Expert minutes: an expert's rate, and the sessions companies book with them. The amount a booking may cost is
-- held in an account of its own (HOLD, owned by the session) until the session is billed or released.

-- SQLite cannot change a CHECK in place: ledger_account is rebuilt with the new kind, the foreign keys of the
-- postings pointing at it off meanwhile (this script runs outside Flyway's transaction, in its own).
PRAGMA foreign_keys = OFF;
SAVEPOINT rebuild;
CREATE TABLE ledger_account_new (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('WALLET', 'ESCROW', 'EARNINGS', 'REVENUE', 'WORLD', 'HOLD')),
    owner_id INTEGER NOT NULL,
    currency TEXT    NOT NULL CHECK (length(currency) = 3),
    balance  INTEGER NOT NULL DEFAULT 0 CHECK (kind = 'WORLD' OR balance >= 0),
    UNIQUE (kind, owner_id, currency)
);
INSERT INTO ledger_account_new (id, kind, owner_id, currency, balance) SELECT id, kind, owner_id, currency, balance FROM ledger_account;
DROP TABLE ledger_account;
ALTER TABLE ledger_account_new RENAME TO ledger_account;

CREATE TABLE expert_rate (
    member_id    INTEGER PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    per_minute   INTEGER NOT NULL CHECK (per_minute > 0),
    free_minutes INTEGER NOT NULL CHECK (free_minutes >= 0),
    currency     TEXT    NOT NULL CHECK (length(currency) = 3),
    open         INTEGER NOT NULL DEFAULT 1,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE expert_session (
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
    state           TEXT    NOT NULL CHECK (state IN ('BOOKED', 'RUNNING', 'ENDED', 'DISPUTED', 'PAID', 'EXPIRED')),
    started_at      INTEGER,
    ended_at        INTEGER,
    minutes_used    INTEGER,
    billed          INTEGER,
    refunded        INTEGER NOT NULL DEFAULT 0,
    dispute         TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);
CREATE INDEX expert_session_by_expert ON expert_session (expert_id, slot_at DESC);
CREATE INDEX expert_session_by_organisation ON expert_session (organisation_id, slot_at DESC);
CREATE INDEX expert_session_unsettled ON expert_session (state, slot_at) WHERE state IN ('BOOKED', 'RUNNING', 'ENDED');
PRAGMA foreign_key_check;
RELEASE rebuild;
PRAGMA foreign_keys = ON;

-- Pay what you wish for a paid task: a task has a price, or reflection terms instead. Its offer has no price until
-- the organisation, having received the work, pays what it wishes (zero included) within the reflection period.

-- SQLite cannot change a NOT NULL or a CHECK in place: both tables are rebuilt, the foreign keys pointing at them
-- off meanwhile (this script runs outside Flyway's transaction, in its own).
PRAGMA foreign_keys = OFF;
SAVEPOINT rebuild;
CREATE TABLE market_task_new (
    id              INTEGER PRIMARY KEY,
    challenge_id    INTEGER NOT NULL REFERENCES challenge (id),
    title           TEXT    NOT NULL,
    brief           TEXT    NOT NULL,
    price           INTEGER CHECK (price > 0),
    currency        TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('OPEN', 'ASSIGNED')),
    created_by      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    reflection_days INTEGER CHECK (reflection_days BETWEEN 1 AND 60),
    suggested_low   INTEGER CHECK (suggested_low >= 0),
    suggested_high  INTEGER CHECK (suggested_high >= 0),
    CHECK ((price IS NULL) <> (reflection_days IS NULL))
);
INSERT INTO market_task_new (id, challenge_id, title, brief, price, currency, state, created_by, created_at)
SELECT id, challenge_id, title, brief, price, currency, state, created_by, created_at FROM market_task;
DROP TABLE market_task;
ALTER TABLE market_task_new RENAME TO market_task;
CREATE INDEX market_task_challenge ON market_task (challenge_id, id DESC);

CREATE TABLE market_offer_new (
    id                 INTEGER PRIMARY KEY,
    challenge_id       INTEGER NOT NULL REFERENCES challenge (id),
    contribution_id    INTEGER REFERENCES contribution (id),
    task_id            INTEGER REFERENCES market_task (id),
    member_id          INTEGER NOT NULL REFERENCES member (id),
    price              INTEGER CHECK (price >= 0),
    currency           TEXT    NOT NULL,
    state              TEXT    NOT NULL CHECK (state IN ('OFFERED', 'DECLINED', 'ACCEPTED', 'DELIVERED', 'RECEIVED', 'REJECTED', 'DISPUTED', 'PAID', 'REFUNDED')),
    note               TEXT    NOT NULL DEFAULT '',
    offered_by         INTEGER NOT NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    reflection_ends_at INTEGER,
    reminded_at        INTEGER,
    message            TEXT    NOT NULL DEFAULT '',
    CHECK ((contribution_id IS NULL) <> (task_id IS NULL))
);
INSERT INTO market_offer_new (id, challenge_id, contribution_id, task_id, member_id, price, currency, state, note, offered_by, created_at, updated_at)
SELECT id, challenge_id, contribution_id, task_id, member_id, price, currency, state, note, offered_by, created_at, updated_at FROM market_offer;
DROP TABLE market_offer;
ALTER TABLE market_offer_new RENAME TO market_offer;
CREATE INDEX market_offer_contribution ON market_offer (contribution_id);
CREATE INDEX market_offer_task ON market_offer (task_id);
CREATE INDEX market_offer_member ON market_offer (member_id);
CREATE INDEX market_offer_disputed ON market_offer (state) WHERE state = 'DISPUTED';
CREATE INDEX market_offer_reflecting ON market_offer (reflection_ends_at) WHERE state = 'RECEIVED' AND reminded_at IS NULL;
PRAGMA foreign_key_check;
RELEASE rebuild;
PRAGMA foreign_keys = ON;

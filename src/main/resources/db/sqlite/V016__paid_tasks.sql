-- A paid task: a piece of work at a fixed price that a manager posts on a challenge and contributors apply for.
-- Picking an applicant makes an offer already accepted, its price held in escrow, that then goes the way of every
-- marketplace offer (delivered, approved or rejected and disputed).
CREATE TABLE market_task (
    id           INTEGER PRIMARY KEY,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    title        TEXT    NOT NULL,
    brief        TEXT    NOT NULL,
    price        INTEGER NOT NULL CHECK (price > 0),
    currency     TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('OPEN', 'ASSIGNED')),
    created_by   INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX market_task_challenge ON market_task (challenge_id, id DESC);

CREATE TABLE task_application (
    task_id    INTEGER NOT NULL REFERENCES market_task (id),
    member_id  INTEGER NOT NULL REFERENCES member (id),
    pitch      TEXT    NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (task_id, member_id)
);

-- An offer is for a contribution or for a task, one of the two.
CREATE TABLE market_offer_v2 (
    id              INTEGER PRIMARY KEY,
    challenge_id    INTEGER NOT NULL REFERENCES challenge (id),
    contribution_id INTEGER REFERENCES contribution (id),
    task_id         INTEGER REFERENCES market_task (id),
    member_id       INTEGER NOT NULL REFERENCES member (id),
    price           INTEGER NOT NULL CHECK (price > 0),
    currency        TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('OFFERED', 'DECLINED', 'ACCEPTED', 'DELIVERED', 'REJECTED', 'DISPUTED', 'PAID', 'REFUNDED')),
    note            TEXT    NOT NULL DEFAULT '',
    offered_by      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((contribution_id IS NULL) <> (task_id IS NULL))
);
INSERT INTO market_offer_v2 (id, challenge_id, contribution_id, task_id, member_id, price, currency, state, note, offered_by, created_at, updated_at)
SELECT id, challenge_id, contribution_id, NULL, member_id, price, currency, state, note, offered_by, created_at, updated_at FROM market_offer;
DROP TABLE market_offer;
ALTER TABLE market_offer_v2 RENAME TO market_offer;
CREATE INDEX market_offer_contribution ON market_offer (contribution_id);
CREATE INDEX market_offer_task ON market_offer (task_id);
CREATE INDEX market_offer_member ON market_offer (member_id);
CREATE INDEX market_offer_disputed ON market_offer (state) WHERE state = 'DISPUTED';

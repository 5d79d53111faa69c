-- The double-entry ledger. An account belongs to one owner of one kind, in one currency: an organisation's wallet,
-- a challenge's escrow, a member's earnings, the platform's revenue (owner 0) and the outside world (owner 0).
-- Its balance is the sum of its postings, kept on the row in the same transaction so that reading it is one row;
-- the admin's check page recomputes it from the postings. Only the outside world goes below zero.
CREATE TABLE ledger_account (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('WALLET', 'ESCROW', 'EARNINGS', 'REVENUE', 'WORLD')),
    owner_id INTEGER NOT NULL,
    currency TEXT    NOT NULL CHECK (length(currency) = 3),
    balance  INTEGER NOT NULL DEFAULT 0 CHECK (kind = 'WORLD' OR balance >= 0),
    UNIQUE (kind, owner_id, currency)
);

-- A transaction says what caused it; its key makes a second write of the same operation return the first.
CREATE TABLE ledger_transaction (
    id              INTEGER PRIMARY KEY,
    idempotency_key TEXT    NOT NULL UNIQUE,
    description     TEXT    NOT NULL,
    cause_type      TEXT    NOT NULL,
    cause_id        INTEGER NOT NULL,
    fee_rate_bp     INTEGER,
    recorded_by     INTEGER,
    created_at      INTEGER NOT NULL
);
CREATE INDEX ledger_transaction_cause ON ledger_transaction (cause_type, cause_id);

CREATE TABLE ledger_posting (
    id             INTEGER PRIMARY KEY,
    transaction_id INTEGER NOT NULL REFERENCES ledger_transaction (id),
    account_id     INTEGER NOT NULL REFERENCES ledger_account (id),
    amount         INTEGER NOT NULL CHECK (amount <> 0)
);
CREATE INDEX ledger_posting_account ON ledger_posting (account_id, transaction_id);
CREATE INDEX ledger_posting_transaction ON ledger_posting (transaction_id);

-- What is written stays written: a correction is a new, reversing transaction.
CREATE TRIGGER ledger_transaction_is_never_edited BEFORE UPDATE ON ledger_transaction
BEGIN SELECT RAISE(ABORT, 'ledger transactions are never changed'); END;
CREATE TRIGGER ledger_transaction_is_never_deleted BEFORE DELETE ON ledger_transaction
BEGIN SELECT RAISE(ABORT, 'ledger transactions are never deleted'); END;
CREATE TRIGGER ledger_posting_is_never_edited BEFORE UPDATE ON ledger_posting
BEGIN SELECT RAISE(ABORT, 'ledger postings are never changed'); END;
CREATE TRIGGER ledger_posting_is_never_deleted BEFORE DELETE ON ledger_posting
BEGIN SELECT RAISE(ABORT, 'ledger postings are never deleted'); END;

-- Each organisation keeps its money in one currency.
ALTER TABLE organisation ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3);

-- Settings the platform admin changes from the admin pages; the fee rate starts at 15 %.
CREATE TABLE platform_setting (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO platform_setting (name, value) VALUES ('fee_rate_bp', 1500);

-- A challenge's reward plan: the contest's prize table (ranks 1..n) and its honourable mentions.
CREATE TABLE reward_plan (
    challenge_id   INTEGER PRIMARY KEY REFERENCES challenge (id),
    mentions       INTEGER NOT NULL DEFAULT 0 CHECK (mentions >= 0),
    mention_amount INTEGER NOT NULL DEFAULT 0 CHECK (mention_amount >= 0)
);
CREATE TABLE reward_prize (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (challenge_id, rank)
);

-- The winners the manager picked at decision, each with the transaction that paid them.
CREATE TABLE reward_award (
    challenge_id    INTEGER NOT NULL REFERENCES challenge (id),
    place           INTEGER NOT NULL, -- a rank, or 0 for an honourable mention
    contribution_id INTEGER NOT NULL REFERENCES contribution (id),
    member_id       INTEGER NOT NULL REFERENCES member (id),
    amount          INTEGER NOT NULL CHECK (amount > 0),
    transaction_id  INTEGER NOT NULL REFERENCES ledger_transaction (id),
    UNIQUE (challenge_id, contribution_id)
);
CREATE INDEX reward_award_member ON reward_award (member_id);

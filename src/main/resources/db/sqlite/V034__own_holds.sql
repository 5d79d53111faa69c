-- Every commitment holds its money in an account of its own: a contest's pool stays in the challenge's ESCROW, and
-- each accepted offer or paid task now holds its price in an OFFER account, so that closing one never touches another.
-- The ledger's transactions are opened to one rewrite (V035 says what happened in words of no language), then closed
-- again (V036).

-- SQLite cannot change a CHECK in place: ledger_account is rebuilt with the new kind and the organisation a hold is
-- for, the foreign keys of the postings pointing at it off meanwhile (this script runs outside Flyway's transaction,
-- in its own).
PRAGMA foreign_keys = OFF;
SAVEPOINT rebuild;
CREATE TABLE ledger_account_new (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('WALLET', 'ESCROW', 'EARNINGS', 'REVENUE', 'WORLD', 'HOLD', 'OFFER')),
    owner_id INTEGER NOT NULL,
    currency TEXT    NOT NULL CHECK (length(currency) = 3),
    balance  INTEGER NOT NULL DEFAULT 0 CHECK (kind = 'WORLD' OR balance >= 0),
    held_for INTEGER,
    UNIQUE (kind, owner_id, currency)
);
INSERT INTO ledger_account_new (id, kind, owner_id, currency, balance) SELECT id, kind, owner_id, currency, balance FROM ledger_account;
DROP TABLE ledger_account;
ALTER TABLE ledger_account_new RENAME TO ledger_account;
CREATE INDEX ledger_account_held_for ON ledger_account (held_for) WHERE held_for IS NOT NULL;
DROP TRIGGER ledger_transaction_is_never_edited;
DROP TRIGGER ledger_posting_is_never_edited;
PRAGMA foreign_key_check;
RELEASE rebuild;
PRAGMA foreign_keys = ON;

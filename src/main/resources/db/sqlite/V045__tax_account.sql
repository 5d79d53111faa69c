-- VAT the platform adds to its fees is owed to the tax office, not earned: it is kept in a TAX account of its own.
-- SQLite cannot change a CHECK in place: ledger_account is rebuilt, as in V034, its postings' foreign keys off meanwhile.
PRAGMA foreign_keys = OFF;
SAVEPOINT rebuild;
CREATE TABLE ledger_account_new (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL CHECK (kind IN ('WALLET', 'ESCROW', 'EARNINGS', 'REVENUE', 'WORLD', 'HOLD', 'OFFER', 'TAX')),
    owner_id INTEGER NOT NULL,
    currency TEXT    NOT NULL CHECK (length(currency) = 3),
    balance  INTEGER NOT NULL DEFAULT 0 CHECK (kind = 'WORLD' OR balance >= 0),
    held_for INTEGER,
    UNIQUE (kind, owner_id, currency)
);
INSERT INTO ledger_account_new (id, kind, owner_id, currency, balance, held_for) SELECT id, kind, owner_id, currency, balance, held_for FROM ledger_account;
DROP TABLE ledger_account;
ALTER TABLE ledger_account_new RENAME TO ledger_account;
CREATE INDEX ledger_account_held_for ON ledger_account (held_for) WHERE held_for IS NOT NULL;
PRAGMA foreign_key_check;
RELEASE rebuild;
PRAGMA foreign_keys = ON;

-- Every commitment holds its money in an account of its own: a contest's pool stays in the challenge's ESCROW, and
-- each accepted offer or paid task now holds its price in an OFFER account, so that closing one never touches another.
-- The ledger's transactions are opened to one rewrite (V035 says what happened in words of no language), then closed
-- again (V036).
ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_kind_check;
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_kind_check CHECK (kind IN ('WALLET', 'ESCROW', 'EARNINGS', 'REVENUE', 'WORLD', 'HOLD', 'OFFER'));
DROP TRIGGER ledger_transaction_is_never_edited ON ledger_transaction;
DROP TRIGGER ledger_posting_is_never_edited ON ledger_posting;
ALTER TABLE ledger_account ADD COLUMN held_for BIGINT;
CREATE INDEX ledger_account_held_for ON ledger_account (held_for) WHERE held_for IS NOT NULL;

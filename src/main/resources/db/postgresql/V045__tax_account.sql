-- VAT the platform adds to its fees is owed to the tax office, not earned: it is kept in a TAX account of its own.
ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_kind_check;
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_kind_check CHECK (kind IN ('WALLET', 'ESCROW', 'EARNINGS', 'REVENUE', 'WORLD', 'HOLD', 'OFFER', 'TAX'));

CREATE TRIGGER ledger_transaction_is_never_edited BEFORE UPDATE ON ledger_transaction
BEGIN SELECT RAISE(ABORT, 'ledger transactions are never changed'); END;
CREATE TRIGGER ledger_posting_is_never_edited BEFORE UPDATE ON ledger_posting
BEGIN SELECT RAISE(ABORT, 'ledger postings are never changed'); END;

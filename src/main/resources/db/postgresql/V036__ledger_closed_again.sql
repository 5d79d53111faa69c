CREATE TRIGGER ledger_transaction_is_never_edited BEFORE UPDATE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION refuse('ledger transactions are never changed');
CREATE TRIGGER ledger_posting_is_never_edited BEFORE UPDATE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION refuse('ledger postings are never changed');

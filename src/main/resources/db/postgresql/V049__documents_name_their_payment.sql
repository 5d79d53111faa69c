-- A document names the payment it belongs to by the key of the transfer that settles it, not by a transaction: an
-- expert's bill is invoiced when the session ends, before the transfer that pays it exists.
ALTER TABLE document DISABLE TRIGGER document_is_never_edited;
ALTER TABLE document ADD COLUMN payment TEXT;
UPDATE document d SET payment = t.idempotency_key FROM ledger_transaction t WHERE t.id = d.transaction_id;
ALTER TABLE document ALTER COLUMN payment SET NOT NULL;
ALTER TABLE document DROP COLUMN transaction_id;
ALTER TABLE document ADD CHECK ((kind = 'CREDIT_NOTE') = (credits_id IS NOT NULL));
CREATE INDEX document_payment ON document (payment);
ALTER TABLE document ENABLE TRIGGER document_is_never_edited;

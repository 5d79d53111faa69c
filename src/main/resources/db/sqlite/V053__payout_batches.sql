-- Payouts sent to the bank together, as one SEPA credit transfer file (pain.001.001.09), kept as it was made so that
-- a second download is the same file. A payout in a batch is sent; it is paid when the admin confirms the batch or
-- the bank's statement shows it left, and returned (its money back in the payee's earnings) when the bank sends it back.
CREATE TABLE payout_batch (
    id           INTEGER PRIMARY KEY,
    message_id   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    created_by   INTEGER NOT NULL REFERENCES member (id),
    payouts      INTEGER NOT NULL CHECK (payouts > 0),
    total        INTEGER NOT NULL CHECK (total > 0),
    file         TEXT    NOT NULL,
    confirmed_at INTEGER
);
ALTER TABLE payout_request ADD COLUMN batch_id INTEGER REFERENCES payout_batch (id);
ALTER TABLE payout_request ADD COLUMN returned_at INTEGER;
ALTER TABLE payout_request ADD COLUMN return_reason TEXT;
CREATE INDEX payout_request_batch ON payout_request (batch_id) WHERE batch_id IS NOT NULL;

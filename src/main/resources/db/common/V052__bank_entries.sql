-- What a bank statement reported coming in that matched no wallet (no creditor reference, a mistyped one, another
-- currency): it waits here for an admin to assign it to an organisation or send it back, and is never lost. The
-- bank's reference keys it, so a statement imported twice adds nothing.
CREATE TABLE bank_entry (
    reference       TEXT   PRIMARY KEY,
    amount          BIGINT NOT NULL CHECK (amount > 0),
    currency        TEXT   NOT NULL CHECK (length(currency) = 3),
    booked_on       TEXT,
    counterparty    TEXT   NOT NULL,
    information     TEXT   NOT NULL,
    imported_at     BIGINT NOT NULL,
    state           TEXT   NOT NULL CHECK (state IN ('WAITING', 'ASSIGNED', 'RETURNED')),
    organisation_id BIGINT REFERENCES organisation (id),
    settled_by      BIGINT REFERENCES member (id),
    settled_at      BIGINT
);
CREATE INDEX bank_entry_waiting ON bank_entry (imported_at) WHERE state = 'WAITING';

-- A contributor asks for their earnings; a platform admin pays them outside Atelier and marks the request paid
-- with the payment's reference, which moves the amount from their earnings to the outside world.
CREATE TABLE payout_request (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member (id),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    currency       TEXT    NOT NULL,
    requested_at   INTEGER NOT NULL,
    paid_at        INTEGER,
    reference      TEXT,
    transaction_id INTEGER REFERENCES ledger_transaction (id)
);
-- One open request per member at a time.
CREATE UNIQUE INDEX payout_request_open ON payout_request (member_id) WHERE paid_at IS NULL;

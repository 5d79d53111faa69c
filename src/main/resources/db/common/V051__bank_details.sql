-- Where a payee is paid: the account their payouts are sent to. A change of it holds their payouts until held_until,
-- and is told to their address.
CREATE TABLE bank_details (
    member_id  BIGINT PRIMARY KEY REFERENCES member (id),
    iban       TEXT   NOT NULL,
    bic        TEXT   NOT NULL,
    holder     TEXT   NOT NULL,
    changed_at BIGINT NOT NULL,
    held_until BIGINT NOT NULL
);

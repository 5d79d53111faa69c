-- Every document a payment leaves, issued once and never changed: its parties and lines as they were that day. Its
-- readers are the organisation and the member it is between (either may be absent: a receipt, the fee invoiced to a payee).
CREATE TABLE document (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('SELF_BILLED_INVOICE', 'PAYMENT_STATEMENT', 'PLATFORM_INVOICE', 'CREDIT_NOTE', 'RECEIPT')),
    series          TEXT    NOT NULL REFERENCES document_series (series),
    number          INTEGER NOT NULL,
    reference       TEXT    NOT NULL,
    issued_at       INTEGER NOT NULL,
    due_on          TEXT    NOT NULL,
    seller          TEXT    NOT NULL,
    buyer           TEXT    NOT NULL,
    lines           TEXT    NOT NULL,
    mentions        TEXT    NOT NULL,
    currency        TEXT    NOT NULL CHECK (length(currency) = 3),
    net             INTEGER NOT NULL,
    vat             INTEGER NOT NULL,
    total           INTEGER NOT NULL CHECK (total = net + vat),
    organisation_id INTEGER REFERENCES organisation (id),
    member_id       INTEGER REFERENCES member (id),
    transaction_id  INTEGER NOT NULL REFERENCES ledger_transaction (id),
    credits_id      INTEGER REFERENCES document (id),
    UNIQUE (series, number),
    CHECK (organisation_id IS NOT NULL OR member_id IS NOT NULL)
);
CREATE INDEX document_organisation ON document (organisation_id, id);
CREATE INDEX document_member ON document (member_id, id);
CREATE INDEX document_transaction ON document (transaction_id);
CREATE INDEX document_credits ON document (credits_id);
CREATE TRIGGER document_is_never_edited BEFORE UPDATE ON document BEGIN SELECT RAISE(ABORT, 'a document is never changed once issued'); END;

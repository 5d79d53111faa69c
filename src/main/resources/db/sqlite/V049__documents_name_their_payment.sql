-- A document names the payment it belongs to by the key of the transfer that settles it, not by a transaction: an
-- expert's bill is invoiced when the session ends, before the transfer that pays it exists.
-- SQLite cannot drop a referenced column in place: document is rebuilt as in V045, its foreign keys off meanwhile.
PRAGMA foreign_keys = OFF;
SAVEPOINT rebuild;
CREATE TABLE document_new (
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
    payment         TEXT    NOT NULL,
    credits_id      INTEGER REFERENCES document (id),
    UNIQUE (series, number),
    CHECK (organisation_id IS NOT NULL OR member_id IS NOT NULL),
    CHECK ((kind = 'CREDIT_NOTE') = (credits_id IS NOT NULL))
);
INSERT INTO document_new (id, kind, series, number, reference, issued_at, due_on, seller, buyer, lines, mentions, currency, net, vat, total,
                          organisation_id, member_id, payment, credits_id)
SELECT d.id, d.kind, d.series, d.number, d.reference, d.issued_at, d.due_on, d.seller, d.buyer, d.lines, d.mentions, d.currency, d.net, d.vat, d.total,
       d.organisation_id, d.member_id, t.idempotency_key, d.credits_id
FROM document d JOIN ledger_transaction t ON t.id = d.transaction_id;
DROP TABLE document;
ALTER TABLE document_new RENAME TO document;
CREATE INDEX document_organisation ON document (organisation_id, id);
CREATE INDEX document_member ON document (member_id, id);
CREATE INDEX document_payment ON document (payment);
CREATE INDEX document_credits ON document (credits_id);
CREATE TRIGGER document_is_never_edited BEFORE UPDATE ON document BEGIN SELECT RAISE(ABORT, 'a document is never changed once issued'); END;
PRAGMA foreign_key_check;
RELEASE rebuild;
PRAGMA foreign_keys = ON;

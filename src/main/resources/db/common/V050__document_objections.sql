-- A payee's objection to an invoice Atelier issued in its name, made within 30 days of its issue, and the admin's
-- answer: the invoice corrected (a credit note and a new invoice) or kept, and why.
CREATE TABLE document_objection (
    document_id BIGINT PRIMARY KEY REFERENCES document (id),
    member_id   BIGINT NOT NULL REFERENCES member (id),
    reason      TEXT   NOT NULL,
    objected_at BIGINT NOT NULL,
    outcome     TEXT   CHECK (outcome IN ('CORRECTED', 'KEPT')),
    answer      TEXT,
    answered_by BIGINT REFERENCES member (id),
    answered_at BIGINT,
    CHECK ((outcome IS NULL) = (answered_at IS NULL))
);
CREATE INDEX document_objection_open ON document_objection (objected_at) WHERE outcome IS NULL;

-- What the yearly platform report (DAC7) needs of a seller beyond their payee profile: the tax identification number
-- and the country that issued it, and an individual's date of birth.
CREATE TABLE seller_tax (
    member_id   BIGINT PRIMARY KEY REFERENCES member (id),
    birth_date  TEXT,
    tax_number  TEXT   NOT NULL,
    tax_country TEXT   NOT NULL CHECK (length(tax_country) = 2),
    updated_at  BIGINT NOT NULL
);

-- The report adds up a year's documents by issue date.
CREATE INDEX document_issued ON document (issued_at);

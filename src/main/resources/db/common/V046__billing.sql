-- Who is who on the documents: an organisation's billing profile, and the payee profile of a member who is paid.
CREATE TABLE billing_profile (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisation (id),
    legal_name      TEXT   NOT NULL,
    street          TEXT   NOT NULL,
    postcode        TEXT   NOT NULL,
    city            TEXT   NOT NULL,
    country         TEXT   NOT NULL CHECK (length(country) = 2),
    company_number  TEXT,
    vat_number      TEXT,
    updated_by      BIGINT NOT NULL REFERENCES member (id),
    updated_at      BIGINT NOT NULL
);
CREATE INDEX billing_profile_updated_by ON billing_profile (updated_by);

-- A private individual, or a business registered for VAT or under the franchise en base (art. 293 B du CGI). A
-- business accepts the self-billing mandate once: Atelier then issues its invoices in its name, in its own series.
CREATE TABLE payee_profile (
    member_id           BIGINT PRIMARY KEY REFERENCES member (id),
    kind                TEXT   NOT NULL CHECK (kind IN ('PRIVATE', 'BUSINESS')),
    vat_regime          TEXT   CHECK (vat_regime IN ('REGISTERED', 'FRANCHISE')),
    legal_name          TEXT   NOT NULL,
    street              TEXT   NOT NULL,
    postcode            TEXT   NOT NULL,
    city                TEXT   NOT NULL,
    country             TEXT   NOT NULL CHECK (length(country) = 2),
    company_number      TEXT,
    vat_number          TEXT,
    mandate_accepted_at BIGINT,
    updated_at          BIGINT NOT NULL,
    CHECK ((kind = 'BUSINESS') = (vat_regime IS NOT NULL)),
    CHECK (kind = 'PRIVATE' OR (company_number IS NOT NULL AND mandate_accepted_at IS NOT NULL))
);

-- VAT rates by country, from a date: the rate in force when terms are agreed is frozen on them.
CREATE TABLE vat_rate (
    country    TEXT   NOT NULL CHECK (length(country) = 2),
    valid_from TEXT   NOT NULL,
    rate_bp    BIGINT NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (country, valid_from)
);
INSERT INTO vat_rate (country, valid_from, rate_bp) VALUES ('FR', '2014-01-01', 2000);

-- The VAT terms frozen on an offer when it is agreed: the case (a private individual, the franchise, VAT charged in
-- France, or reverse charge for a business registered in another EU country), the rate on the price and on the fee.
ALTER TABLE market_offer ADD COLUMN vat_case TEXT CHECK (vat_case IN ('PRIVATE', 'FRANCHISE', 'DOMESTIC', 'REVERSE_CHARGE'));
ALTER TABLE market_offer ADD COLUMN price_vat_bp BIGINT CHECK (price_vat_bp BETWEEN 0 AND 10000);
ALTER TABLE market_offer ADD COLUMN fee_vat_bp BIGINT CHECK (fee_vat_bp BETWEEN 0 AND 10000);
-- Offers agreed before VAT was charged keep the terms they were agreed on: none.
UPDATE market_offer SET vat_case = 'PRIVATE', price_vat_bp = 0, fee_vat_bp = 0 WHERE fee_rate_bp IS NOT NULL;

-- The last number given in each issuer's series: taken in the transaction that issues, so a crash leaves no hole.
CREATE TABLE document_series (
    series      TEXT   PRIMARY KEY,
    last_number BIGINT NOT NULL
);

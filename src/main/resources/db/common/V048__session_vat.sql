-- The VAT terms of an expert session, frozen when it is booked as an offer's are when it is agreed. Sessions booked
-- before VAT was charged keep the terms they were booked on: none.
ALTER TABLE expert_session ADD COLUMN vat_case TEXT NOT NULL DEFAULT 'PRIVATE' CHECK (vat_case IN ('PRIVATE', 'FRANCHISE', 'DOMESTIC', 'REVERSE_CHARGE'));
ALTER TABLE expert_session ADD COLUMN price_vat_bp BIGINT NOT NULL DEFAULT 0 CHECK (price_vat_bp BETWEEN 0 AND 10000);
ALTER TABLE expert_session ADD COLUMN fee_vat_bp BIGINT NOT NULL DEFAULT 0 CHECK (fee_vat_bp BETWEEN 0 AND 10000);

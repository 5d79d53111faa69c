-- What a transaction did is stored as an event and its subject (a title, a reference, a period), written in the
-- reader's language when shown; the English descriptions of earlier transactions are read back into that shape.
ALTER TABLE ledger_transaction ADD COLUMN event TEXT NOT NULL DEFAULT 'OTHER';
UPDATE ledger_transaction SET event = CASE
    WHEN idempotency_key LIKE 'deposit:%' OR idempotency_key = 'demo-deposit' THEN 'DEPOSIT'
    WHEN idempotency_key LIKE 'challenge:%:fund' THEN 'POOL_HELD'
    WHEN idempotency_key LIKE 'challenge:%:settle' THEN 'PRIZES'
    WHEN idempotency_key LIKE 'challenge:%:cancel' THEN 'POOL_RETURNED'
    WHEN idempotency_key LIKE 'offer:%:hold' THEN 'PRICE_HELD'
    WHEN idempotency_key LIKE 'offer:%:pay' AND description LIKE 'Paid after reflection: %' THEN 'PAID_AFTER_REFLECTION'
    WHEN idempotency_key LIKE 'offer:%:pay' THEN 'PRICE_PAID'
    WHEN idempotency_key LIKE 'offer:%:refund' THEN 'PRICE_RETURNED'
    WHEN idempotency_key LIKE 'royalty:%' THEN 'ROYALTY'
    WHEN idempotency_key LIKE 'reflection:%' THEN 'PAID_AFTER_REFLECTION'
    WHEN idempotency_key LIKE 'payout:%' THEN 'PAYOUT'
    WHEN idempotency_key LIKE 'session:%:hold' THEN 'SESSION_HELD'
    WHEN idempotency_key LIKE 'session:%:release' THEN 'SESSION_RELEASED'
    WHEN idempotency_key LIKE 'session:%:refund' THEN 'SESSION_REFUNDED'
    WHEN idempotency_key LIKE 'session:%:pay' THEN 'SESSION_PAID'
    ELSE 'OTHER' END;
UPDATE ledger_transaction SET description = CASE event
    WHEN 'DEPOSIT' THEN substr(description, 9)
    WHEN 'POOL_HELD' THEN substr(description, 15)
    WHEN 'PRIZES' THEN substr(description, 11)
    WHEN 'POOL_RETURNED' THEN substr(description, 22)
    WHEN 'PRICE_HELD' THEN substr(description, 13)
    WHEN 'PRICE_PAID' THEN substr(description, 13)
    WHEN 'PRICE_RETURNED' THEN substr(description, 17)
    WHEN 'PAID_AFTER_REFLECTION' THEN substr(description, 24)
    WHEN 'ROYALTY' THEN substr(description, 9)
    WHEN 'PAYOUT' THEN substr(description, 8)
    WHEN 'SESSION_PAID' THEN substr(description, 17)
    WHEN 'OTHER' THEN description
    ELSE '' END;

-- A payment the platform took its fee from keeps, on the payee's posting, the amount before the fee. Earlier payments
-- to one payee are read back from their fee posting; an earlier split among several keeps its net alone.
ALTER TABLE ledger_posting ADD COLUMN gross BIGINT;
UPDATE ledger_posting SET gross = amount + (
        SELECT f.amount FROM ledger_posting f JOIN ledger_account r ON r.id = f.account_id AND r.kind = 'REVENUE'
        WHERE f.transaction_id = ledger_posting.transaction_id)
    WHERE account_id IN (SELECT id FROM ledger_account WHERE kind = 'EARNINGS')
    AND transaction_id IN (SELECT t.id FROM ledger_transaction t WHERE t.fee_rate_bp IS NOT NULL
        AND (SELECT count(*) FROM ledger_posting e JOIN ledger_account a ON a.id = e.account_id AND a.kind = 'EARNINGS' WHERE e.transaction_id = t.id) = 1
        AND EXISTS (SELECT 1 FROM ledger_posting f JOIN ledger_account r ON r.id = f.account_id AND r.kind = 'REVENUE' WHERE f.transaction_id = t.id));

-- A hold knows the organisation whose money it holds, so that a wallet shows what it has available and what is held.
UPDATE ledger_account SET held_for = (SELECT organisation_id FROM challenge WHERE challenge.id = ledger_account.owner_id) WHERE kind = 'ESCROW';
UPDATE ledger_account SET held_for = (SELECT organisation_id FROM expert_session WHERE expert_session.id = ledger_account.owner_id) WHERE kind = 'HOLD';

-- Terms are frozen when agreed: the fee rate on an offer when it is accepted (a task's when its applicant is picked),
-- on a session when it is booked, on a plan when its challenge opens. Live agreements keep the rate in force today.
ALTER TABLE market_offer ADD COLUMN fee_rate_bp BIGINT CHECK (fee_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE expert_session ADD COLUMN fee_rate_bp BIGINT CHECK (fee_rate_bp BETWEEN 0 AND 10000);
ALTER TABLE reward_plan ADD COLUMN fee_rate_bp BIGINT CHECK (fee_rate_bp BETWEEN 0 AND 10000);
UPDATE market_offer SET fee_rate_bp = (SELECT value FROM platform_setting WHERE name = 'fee_rate_bp') WHERE state <> 'OFFERED';
UPDATE expert_session SET fee_rate_bp = (SELECT value FROM platform_setting WHERE name = 'fee_rate_bp');
UPDATE reward_plan SET fee_rate_bp = (SELECT value FROM platform_setting WHERE name = 'fee_rate_bp')
    WHERE challenge_id IN (SELECT id FROM challenge WHERE state <> 'DRAFT');

-- A challenge's offers are read by challenge (its page, the check of its holds).
CREATE INDEX market_offer_challenge ON market_offer (challenge_id);

-- A booking carries a key of its own, so that the same form sent twice books once.
ALTER TABLE expert_session ADD COLUMN booking_key TEXT;
CREATE UNIQUE INDEX expert_session_booking ON expert_session (booked_by, booking_key);

-- When a challenge was decided: royalties are declared for sales from then on. Earlier decisions are dated by the
-- challenge's closing date, or its opening.
ALTER TABLE challenge ADD COLUMN decided_at BIGINT;
UPDATE challenge SET decided_at = coalesce(closes_at, opened_at, created_at) WHERE state IN ('DECIDED', 'CLOSED');

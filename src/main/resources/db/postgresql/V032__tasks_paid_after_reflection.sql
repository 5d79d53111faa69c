-- Pay what you wish for a paid task: a task has a price, or reflection terms instead. Its offer has no price until
-- the organisation, having received the work, pays what it wishes (zero included) within the reflection period.
ALTER TABLE market_task ALTER COLUMN price DROP NOT NULL;
ALTER TABLE market_task ADD COLUMN reflection_days BIGINT CHECK (reflection_days BETWEEN 1 AND 60);
ALTER TABLE market_task ADD COLUMN suggested_low BIGINT CHECK (suggested_low >= 0);
ALTER TABLE market_task ADD COLUMN suggested_high BIGINT CHECK (suggested_high >= 0);
ALTER TABLE market_task ADD CONSTRAINT market_task_priced CHECK ((price IS NULL) <> (reflection_days IS NULL));

ALTER TABLE market_offer ALTER COLUMN price DROP NOT NULL;
ALTER TABLE market_offer DROP CONSTRAINT market_offer_price_check;
ALTER TABLE market_offer ADD CONSTRAINT market_offer_price_check CHECK (price >= 0);
ALTER TABLE market_offer DROP CONSTRAINT market_offer_state_check;
ALTER TABLE market_offer ADD CONSTRAINT market_offer_state_check
    CHECK (state IN ('OFFERED', 'DECLINED', 'ACCEPTED', 'DELIVERED', 'RECEIVED', 'REJECTED', 'DISPUTED', 'PAID', 'REFUNDED'));
ALTER TABLE market_offer ADD COLUMN reflection_ends_at BIGINT;
ALTER TABLE market_offer ADD COLUMN reminded_at BIGINT;
ALTER TABLE market_offer ADD COLUMN message TEXT NOT NULL DEFAULT '';
CREATE INDEX market_offer_reflecting ON market_offer (reflection_ends_at) WHERE state = 'RECEIVED' AND reminded_at IS NULL;

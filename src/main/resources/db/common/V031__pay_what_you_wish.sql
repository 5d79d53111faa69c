-- Pay what you wish after reflection: a challenge's plan may promise that the organisation decides, within some
-- days of the decision, what the community's work was worth. Written once for both databases.
ALTER TABLE reward_plan ADD COLUMN reflection_days BIGINT CHECK (reflection_days BETWEEN 1 AND 60);
ALTER TABLE reward_plan ADD COLUMN suggested_low BIGINT CHECK (suggested_low >= 0);
ALTER TABLE reward_plan ADD COLUMN suggested_high BIGINT CHECK (suggested_high >= 0);

-- The reflection period of a decided challenge, from the decision to ends_at, and what was paid at its end.
CREATE TABLE reflection (
    challenge_id BIGINT PRIMARY KEY REFERENCES challenge (id),
    ends_at      BIGINT NOT NULL,
    reminded_at  BIGINT,
    paid_at      BIGINT,
    paid_by      BIGINT REFERENCES member (id),
    total        BIGINT CHECK (total >= 0),
    message      TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX reflection_due ON reflection (ends_at) WHERE paid_at IS NULL AND reminded_at IS NULL;

CREATE TABLE reflection_share (
    challenge_id BIGINT NOT NULL REFERENCES challenge (id),
    member_id    BIGINT NOT NULL REFERENCES member (id),
    amount       BIGINT NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (challenge_id, member_id)
);

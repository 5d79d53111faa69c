-- A royalty share of the net sales of the product born from a challenge, in basis points (500 = 5 %).
ALTER TABLE reward_plan ADD COLUMN royalty_bp INTEGER NOT NULL DEFAULT 0 CHECK (royalty_bp BETWEEN 0 AND 10000);
-- When the manager fixed the contributors' shares; until then they are a proposal the contributors can read.
ALTER TABLE reward_plan ADD COLUMN shares_fixed_at INTEGER;

CREATE TABLE royalty_share (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    member_id    INTEGER NOT NULL REFERENCES member (id),
    weight       INTEGER NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (challenge_id, member_id)
);

-- One declaration per period: a second one for the same period is refused.
CREATE TABLE royalty_declaration (
    id             INTEGER PRIMARY KEY,
    challenge_id   INTEGER NOT NULL REFERENCES challenge (id),
    period         TEXT    NOT NULL,
    net_sales      INTEGER NOT NULL CHECK (net_sales > 0),
    royalty        INTEGER NOT NULL CHECK (royalty >= 0),
    transaction_id INTEGER REFERENCES ledger_transaction (id),
    declared_by    INTEGER NOT NULL,
    declared_at    INTEGER NOT NULL,
    UNIQUE (challenge_id, period)
);

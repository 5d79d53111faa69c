-- The full life of a challenge, vote budgets and the threshold that puts a contribution under review.

ALTER TABLE challenge ADD COLUMN voting_closes_at INTEGER;   -- when set, the closing day starts a voting period that ends then
ALTER TABLE challenge ADD COLUMN vote_budget INTEGER;         -- votes each member has in this challenge; null means no limit
ALTER TABLE challenge ADD COLUMN review_threshold INTEGER;    -- votes that put a submitted contribution under review by themselves

ALTER TABLE official_response ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;

CREATE INDEX vote_by_member ON vote (member_id, contribution_id);
CREATE INDEX challenge_voting_due ON challenge (state, voting_closes_at);
CREATE INDEX challenge_opening_due ON challenge (state, opens_at);
CREATE INDEX challenge_closing_due ON challenge (state, closes_at);

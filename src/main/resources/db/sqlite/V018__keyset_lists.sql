-- Lists read the page after a key instead of skipping rows, so a deep page costs what the first does.
-- Each filter and order of a challenge's contributions has an index that gives its rows in order.

-- A fixed random place per contribution: a member's shuffle starts at a place of their own and reads on from there.
ALTER TABLE contribution ADD COLUMN shuffle_key INTEGER NOT NULL DEFAULT 0;
UPDATE contribution SET shuffle_key = abs(random() % 2147483648);
CREATE INDEX contribution_shuffled ON contribution (challenge_id, shuffle_key, id);

CREATE INDEX contribution_status_newest ON contribution (challenge_id, status, id DESC);
CREATE INDEX contribution_status_top ON contribution (challenge_id, status, vote_count DESC, id DESC);
CREATE INDEX contribution_status_trending ON contribution (challenge_id, status, trending DESC, id DESC);
CREATE INDEX contribution_status_shuffled ON contribution (challenge_id, status, shuffle_key, id);

-- A contribution's discussion is read a page of threads at a time: the first comments in order, then their replies.
CREATE INDEX comment_threads ON comment (contribution_id, parent_id, id);

-- Contributors invited into a challenge's product team, one of whom may lead it, and the staff's notes they read.

CREATE TABLE challenge_team (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    lead         INTEGER NOT NULL DEFAULT 0,
    added_at     INTEGER NOT NULL,
    PRIMARY KEY (challenge_id, member_id)
);
CREATE UNIQUE INDEX challenge_team_one_lead ON challenge_team (challenge_id) WHERE lead = 1;

ALTER TABLE challenge ADD COLUMN staff_notes TEXT NOT NULL DEFAULT '';

-- Recognition is kept as it happens. What the records make due is still written once, in the view
-- recognition_due; each event that earns points is kept as a row of recognition_event, in the same transaction as
-- what earned it, and so are the sums read by leaderboards, levels and badges. `java -jar atelier.jar recount`
-- recomputes all of it from the records and compares. The tables are filled from the records at the next start.
DROP VIEW recognition_event;

-- One row per event: a contribution written (source: itself), a vote received while it stands (source: the voter),
-- a status reached for the first time (source: the contribution), a prize (source: the contribution), a comment
-- marked helpful (source: the comment). Hidden contributions and comments earn nothing; a member's own vote never.
CREATE VIEW recognition_due AS
SELECT k.author_id AS member_id, c.organisation_id, 'SUBMITTED' AS kind, k.id AS contribution_id, k.id AS source_id,
       k.created_at AS earned_at, 5 AS points
FROM contribution k JOIN challenge c ON c.id = k.challenge_id
WHERE k.hidden = 0
UNION ALL
SELECT k.author_id, c.organisation_id, 'VOTE', k.id, v.member_id, v.created_at, 1
FROM vote v JOIN contribution k ON k.id = v.contribution_id JOIN challenge c ON c.id = k.challenge_id
WHERE v.member_id <> k.author_id AND k.hidden = 0
UNION ALL
SELECT k.author_id, c.organisation_id, r.status, k.id, k.id, min(r.created_at),
       CASE r.status WHEN 'SHORTLISTED' THEN 10 WHEN 'ACCEPTED' THEN 25 ELSE 50 END
FROM official_response r JOIN contribution k ON k.id = r.contribution_id JOIN challenge c ON c.id = k.challenge_id
WHERE r.status IN ('SHORTLISTED', 'ACCEPTED', 'IMPLEMENTED')
GROUP BY k.id, k.author_id, c.organisation_id, r.status
UNION ALL
SELECT a.member_id, c.organisation_id, 'WINNER', a.contribution_id, a.contribution_id, t.created_at,
       CASE a.place WHEN 1 THEN 100 WHEN 0 THEN 20 ELSE 50 END
FROM reward_award a JOIN challenge c ON c.id = a.challenge_id JOIN ledger_transaction t ON t.id = a.transaction_id
UNION ALL
SELECT x.author_id, c.organisation_id, 'HELPFUL', x.contribution_id, x.id, x.helpful_at, 3
FROM comment x JOIN contribution k ON k.id = x.contribution_id JOIN challenge c ON c.id = k.challenge_id
WHERE x.helpful_at IS NOT NULL AND x.deleted = 0 AND x.hidden = 0;

CREATE INDEX reward_award_by_contribution ON reward_award (contribution_id);

CREATE TABLE recognition_event (
    contribution_id BIGINT NOT NULL,
    kind            TEXT   NOT NULL,
    source_id       BIGINT NOT NULL,
    member_id       BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    earned_at       BIGINT NOT NULL,
    points          BIGINT NOT NULL,
    PRIMARY KEY (contribution_id, kind, source_id)
);

-- Points per member in one organisation (or 0: all of Atelier), in one month (yyyymm in the platform's time zone,
-- or 0: all time).
CREATE TABLE recognition_points (
    member_id       BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    month           BIGINT NOT NULL,
    points          BIGINT NOT NULL,
    PRIMARY KEY (member_id, organisation_id, month)
);
CREATE INDEX recognition_points_board ON recognition_points (organisation_id, month, points DESC, member_id);

-- How many events of each kind a member has, for the badges.
CREATE TABLE recognition_count (
    member_id BIGINT NOT NULL,
    kind      TEXT   NOT NULL,
    events    BIGINT NOT NULL,
    PRIMARY KEY (member_id, kind)
);

-- Recognition is derived from what is recorded, never stored apart from it: each row of this view is one event
-- that earns points, so points can be recomputed and audited at any time, and one event counts once (a status is
-- counted the first time a contribution reaches it; a vote while it stands; a member's own vote never).
CREATE VIEW recognition_event AS
SELECT k.author_id AS member_id, c.organisation_id, 'SUBMITTED' AS kind, k.id AS contribution_id, k.created_at AS earned_at, 5 AS points
FROM contribution k JOIN challenge c ON c.id = k.challenge_id
WHERE k.hidden = 0
UNION ALL
SELECT k.author_id, c.organisation_id, 'VOTE', k.id, v.created_at, 1
FROM vote v JOIN contribution k ON k.id = v.contribution_id JOIN challenge c ON c.id = k.challenge_id
WHERE v.member_id <> k.author_id AND k.hidden = 0
UNION ALL
SELECT k.author_id, c.organisation_id, r.status, k.id, min(r.created_at),
       CASE r.status WHEN 'SHORTLISTED' THEN 10 WHEN 'ACCEPTED' THEN 25 ELSE 50 END
FROM official_response r JOIN contribution k ON k.id = r.contribution_id JOIN challenge c ON c.id = k.challenge_id
WHERE r.status IN ('SHORTLISTED', 'ACCEPTED', 'IMPLEMENTED')
GROUP BY k.id, r.status
UNION ALL
SELECT a.member_id, c.organisation_id, 'WINNER', a.contribution_id, t.created_at, CASE a.place WHEN 1 THEN 100 WHEN 0 THEN 20 ELSE 50 END
FROM reward_award a JOIN challenge c ON c.id = a.challenge_id JOIN ledger_transaction t ON t.id = a.transaction_id;

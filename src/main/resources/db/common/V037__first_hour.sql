-- What a newcomer needs in the first hour: emails written to the log when no mail server is set, and decisions that
-- say what was decided.
-- With no mail server set, each email is written once to the log, links and all, so that a person trying Atelier on
-- their own machine can follow them; the outbox keeps it unsent. Emails written before this are not logged again.
ALTER TABLE outbox ADD COLUMN logged_at BIGINT;
UPDATE outbox SET logged_at = created_at;
CREATE INDEX outbox_unlogged ON outbox (id) WHERE logged_at IS NULL AND sent_at IS NULL AND digest = 0;

-- A decision carries a written outcome for the community, shown with the accepted contributions.
ALTER TABLE challenge ADD COLUMN outcome TEXT NOT NULL DEFAULT '';

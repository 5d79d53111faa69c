-- Suspensions for a while: a suspension ends by itself at until_at, or lasts until lifted when it is null.
ALTER TABLE community_suspension ADD COLUMN until_at INTEGER;

-- A former member's name was stored as the English words 'former member'; it is now stored empty and said
-- in the reader's language. Erased accounts are the ones whose address was replaced.
UPDATE member SET name = '' WHERE name = 'former member' AND email LIKE 'deleted-%@invalid';
-- The log's one accepted change becomes that empty name.
DROP TRIGGER audit_log_is_never_edited;
UPDATE audit_log SET subject = '' WHERE subject = 'former member' AND subject_member_id IS NULL;
CREATE TRIGGER audit_log_is_never_edited BEFORE UPDATE ON audit_log
WHEN NOT (OLD.subject_member_id IS NOT NULL AND NEW.subject_member_id IS NULL AND NEW.subject = ''
          AND NEW.id = OLD.id AND NEW.organisation_id = OLD.organisation_id AND NEW.actor_id = OLD.actor_id
          AND NEW.action = OLD.action AND NEW.detail = OLD.detail AND NEW.created_at = OLD.created_at)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never edited');
END;

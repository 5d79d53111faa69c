-- Verified addresses, single-use account links, staff offers that need consent, and an audit log that can forget a name.

ALTER TABLE member ADD COLUMN email_verified_at INTEGER;

-- Links sent by email: verifying an address (the member's, or a new one they asked to change to) and resetting a
-- password. Only a hash of the token is kept, so the table alone opens nothing.
CREATE TABLE account_token (
    token_hash TEXT    PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('VERIFY', 'RESET')),
    email      TEXT    NOT NULL,   -- the address the link was sent to
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX account_token_by_member ON account_token (member_id, purpose);

-- A place on an organisation's staff, offered by its owner and taken only when the member accepts.
CREATE TABLE staff_offer (
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    member_id       INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    role            TEXT    NOT NULL CHECK (role IN ('MANAGER', 'MODERATOR')),
    offered_by      INTEGER NOT NULL REFERENCES member (id),
    offered_at      INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, member_id)
);
CREATE INDEX staff_offer_by_member ON staff_offer (member_id);

-- Sessions are kept only for members; a visitor's form token travels in a signed cookie.
DELETE FROM web_session WHERE member_id IS NULL;

-- The key that signs visitors' form tokens, made once and shared by every instance.
CREATE TABLE platform_secret (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Outbox rows a mail server refused for good (an address that does not exist) are not tried again.
ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL AND digest = 0;

-- The member an audit line names, so that the name can be replaced when they delete their account. That
-- replacement is the only change the log accepts.
ALTER TABLE audit_log ADD COLUMN subject_member_id INTEGER;
DROP TRIGGER audit_log_is_never_edited;
UPDATE audit_log SET subject_member_id = (
    SELECT c.member_id FROM community_membership c JOIN member m ON m.id = c.member_id
    WHERE c.organisation_id = audit_log.organisation_id AND m.name = audit_log.subject)
WHERE action LIKE 'membership.%';
CREATE TRIGGER audit_log_is_never_edited BEFORE UPDATE ON audit_log
WHEN NOT (OLD.subject_member_id IS NOT NULL AND NEW.subject_member_id IS NULL AND NEW.subject = 'former member'
          AND NEW.id = OLD.id AND NEW.organisation_id = OLD.organisation_id AND NEW.actor_id = OLD.actor_id
          AND NEW.action = OLD.action AND NEW.detail = OLD.detail AND NEW.created_at = OLD.created_at)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never edited');
END;

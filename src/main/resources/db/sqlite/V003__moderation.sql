-- Official responses, duplicates, followers and the audit log.

CREATE TABLE official_response (
    id              INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    author_id       INTEGER NOT NULL REFERENCES member (id),
    status          TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX official_response_by_contribution ON official_response (contribution_id, id DESC);

-- What lists show without a join: the latest response, and where a duplicate was merged.
ALTER TABLE contribution ADD COLUMN latest_response TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN duplicate_of INTEGER REFERENCES contribution (id);
CREATE INDEX contribution_by_status ON contribution (challenge_id, status, id DESC);

CREATE TABLE follow (
    contribution_id INTEGER NOT NULL REFERENCES contribution (id) ON DELETE CASCADE,
    member_id       INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (contribution_id, member_id)
);
CREATE INDEX follow_by_member ON follow (member_id);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id),
    actor_id        INTEGER NOT NULL REFERENCES member (id),
    action          TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    detail          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX audit_log_by_organisation ON audit_log (organisation_id, id DESC);
CREATE TRIGGER audit_log_is_never_edited BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never edited');
END;
CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never edited');
END;

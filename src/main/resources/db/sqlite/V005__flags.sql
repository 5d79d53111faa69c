-- Flags on contributions and comments, and what moderators hide.

CREATE TABLE flag (
    id         INTEGER PRIMARY KEY,
    item_type  TEXT    NOT NULL CHECK (item_type IN ('CONTRIBUTION', 'COMMENT')),
    item_id    INTEGER NOT NULL,
    member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    reason     TEXT    NOT NULL CHECK (reason IN ('SPAM', 'ABUSIVE', 'OFF_TOPIC', 'OTHER')),
    note       TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    resolved   INTEGER NOT NULL DEFAULT 0,
    UNIQUE (item_type, item_id, member_id)
);
CREATE INDEX flag_open ON flag (item_type, item_id, resolved);

ALTER TABLE contribution ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contribution ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE contribution ADD COLUMN open_flags INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comment ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comment ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE comment ADD COLUMN open_flags INTEGER NOT NULL DEFAULT 0;
CREATE INDEX contribution_flagged ON contribution (open_flags) WHERE open_flags > 0;
CREATE INDEX comment_flagged ON comment (open_flags) WHERE open_flags > 0;

-- Each organisation's hand-picked community: applications with a profile, decisions, invitations.

CREATE TABLE community_membership (
    organisation_id  INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    member_id        INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    state            TEXT    NOT NULL CHECK (state IN ('APPLIED', 'APPROVED', 'DECLINED', 'REMOVED')),
    city             TEXT    NOT NULL DEFAULT '',
    country          TEXT    NOT NULL DEFAULT '',
    age_range        TEXT    NOT NULL DEFAULT '',
    occupation       TEXT    NOT NULL DEFAULT '',
    product_use      TEXT    NOT NULL DEFAULT '',
    skills           TEXT    NOT NULL DEFAULT '',   -- tags, comma-separated, lower case
    motivation       TEXT    NOT NULL DEFAULT '',
    decision_message TEXT    NOT NULL DEFAULT '',
    decided_by       INTEGER REFERENCES member (id),
    decided_at       INTEGER,
    applied_at       INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, member_id)
);
CREATE INDEX community_queue ON community_membership (organisation_id, state, applied_at);
CREATE INDEX community_of_member ON community_membership (member_id);

CREATE TABLE community_invitation (
    token_hash      TEXT    PRIMARY KEY,           -- SHA-256 of the token: the link's secret is never stored
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    invited_by      INTEGER NOT NULL REFERENCES member (id),
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_by         INTEGER REFERENCES member (id),
    used_at         INTEGER
);
CREATE INDEX community_invitation_by_organisation ON community_invitation (organisation_id, created_at DESC);

-- A community challenge may be narrowed to a segment of the approved members; empty means no narrowing.
ALTER TABLE challenge ADD COLUMN segment_tags TEXT NOT NULL DEFAULT '';
ALTER TABLE challenge ADD COLUMN segment_country TEXT NOT NULL DEFAULT '';
ALTER TABLE challenge ADD COLUMN segment_age_range TEXT NOT NULL DEFAULT '';
ALTER TABLE challenge ADD COLUMN segment_occupation TEXT NOT NULL DEFAULT '';

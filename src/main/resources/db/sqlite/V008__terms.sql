-- Each challenge states who sees it and what contributors grant; contributors accept the terms once per version.

ALTER TABLE challenge ADD COLUMN visibility TEXT NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'PRIVATE', 'CONFIDENTIAL'));
ALTER TABLE challenge ADD COLUMN ip_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE challenge ADD COLUMN terms_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE terms_acceptance (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    accepted_at  INTEGER NOT NULL,
    PRIMARY KEY (challenge_id, member_id, version)
);

-- Inside-out challenges: the company opens its own technology to others. The challenge carries a technology sheet,
-- contributions are application proposals, and the agreement reached with a proposer is recorded.

-- What the technology is and can do, what the company offers (a comma list of LICENCE, CO_DEVELOPMENT, SUPPLY),
-- documents as one "title https://address" a line, and pictures as a comma list of stored pictures' names.
CREATE TABLE technology (
    challenge_id BIGINT PRIMARY KEY REFERENCES challenge (id),
    summary      TEXT   NOT NULL,
    capabilities TEXT   NOT NULL,
    arrangements TEXT   NOT NULL,
    documents    TEXT   NOT NULL DEFAULT '',
    pictures     TEXT   NOT NULL DEFAULT '',
    updated_at   BIGINT NOT NULL
);

-- Who proposes, for which market, which of the offered arrangements they ask for and in what terms; what they would
-- build is the contribution's own text.
CREATE TABLE application_proposal (
    contribution_id BIGINT PRIMARY KEY REFERENCES contribution (id),
    proposer        TEXT NOT NULL,
    market          TEXT NOT NULL,
    arrangement     TEXT NOT NULL,
    request         TEXT NOT NULL DEFAULT ''
);

-- The agreement reached with a proposer, once: the arrangement and what the community is told of its terms.
CREATE TABLE agreement (
    contribution_id BIGINT PRIMARY KEY REFERENCES contribution (id),
    arrangement     TEXT   NOT NULL,
    terms           TEXT   NOT NULL,
    recorded_by     BIGINT NOT NULL REFERENCES member (id),
    recorded_at     BIGINT NOT NULL
);

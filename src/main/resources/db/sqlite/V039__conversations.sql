-- The private conversation between an organisation's staff and the proposer of an application, seen by them alone.
CREATE TABLE conversation_message (
    id              INTEGER PRIMARY KEY,
    contribution_id INTEGER NOT NULL REFERENCES contribution (id),
    author_id       INTEGER NOT NULL REFERENCES member (id),
    body            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX conversation_message_contribution ON conversation_message (contribution_id, id);
CREATE INDEX conversation_message_author ON conversation_message (author_id);

-- Who has looked at a challenge, once per member: the top of the participation funnel. Views are gathered in
-- memory and written in batches (ViewLog), so reading a page never waits for the writer.
CREATE TABLE challenge_view (
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    first_at     INTEGER NOT NULL,
    PRIMARY KEY (challenge_id, member_id)
) WITHOUT ROWID;

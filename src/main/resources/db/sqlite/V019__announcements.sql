-- A challenge's move is written with a note that its participants must hear of it; they are gathered on a read
-- connection after the move's transaction and told in small batches, so no write waits behind the gathering.
CREATE TABLE challenge_announcement (
    id          INTEGER PRIMARY KEY,
    challenge_id INTEGER NOT NULL REFERENCES challenge (id),
    to_state    TEXT    NOT NULL,
    actor_id    INTEGER NOT NULL,
    actor_name  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    told_up_to  INTEGER NOT NULL DEFAULT 0,   -- participants are told in member order: the last one told so far
    done_at     INTEGER
);
CREATE INDEX challenge_announcement_pending ON challenge_announcement (id) WHERE done_at IS NULL;

-- The participants of a challenge, read from indexes alone.
CREATE INDEX contribution_participants ON contribution (challenge_id, author_id);
CREATE INDEX comment_participants ON comment (contribution_id, author_id);

-- The home page counts the open challenges it may show from the index alone.
CREATE INDEX challenge_open_visible ON challenge (state, visibility);

-- Limits that protect the community: fixed-window counters per key, kept in the database so that every
-- instance of the app counts the same; and suspensions from an organisation's community.

CREATE TABLE rate_window (
    limit_key    TEXT    PRIMARY KEY,   -- e.g. 'signup:203.0.113.5'
    window_start INTEGER NOT NULL,
    hits         INTEGER NOT NULL
);

CREATE TABLE community_suspension (
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    member_id       INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    reason          TEXT    NOT NULL,
    suspended_by    INTEGER NOT NULL REFERENCES member (id),
    suspended_at    INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, member_id)
);

-- An email may carry a calendar invitation (iCalendar, METHOD REQUEST or CANCEL), sent as a text/calendar part.
ALTER TABLE outbox ADD COLUMN calendar TEXT;

-- Each member's private calendar feed: its secret address, kept as a hash, made again to revoke the old one.
CREATE TABLE calendar_feed (
    member_id   BIGINT PRIMARY KEY REFERENCES member (id),
    secret_hash TEXT   NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);

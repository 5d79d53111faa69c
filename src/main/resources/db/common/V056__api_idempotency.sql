-- What a POST sent with an Idempotency-Key answered, kept a day: the same key again gets the same answer, the same
-- key with another request is refused. A row without a status is a request still being answered.
CREATE TABLE api_idempotency (
    token_id    BIGINT  NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
    request_key TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    status      INTEGER,
    body        TEXT,
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (token_id, request_key)
);
CREATE INDEX api_idempotency_created ON api_idempotency (created_at);

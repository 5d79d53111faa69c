-- Where an organisation's own tools hear of what happens in it: an address, the events it takes, and how they are
-- sent (signed as Standard Webhooks says, or as a team chat's message). An endpoint that has failed for a day is
-- switched off, and its owner told.
CREATE TABLE webhook_endpoint (
    id              INTEGER PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    url             TEXT   NOT NULL,
    kind            TEXT   NOT NULL CHECK (kind IN ('SIGNED', 'CHAT')),
    language        TEXT   NOT NULL,
    events          TEXT   NOT NULL,
    secret          TEXT   NOT NULL,
    previous_secret TEXT,
    rotated_at      BIGINT,
    created_by      BIGINT NOT NULL REFERENCES member (id),
    created_at      BIGINT NOT NULL,
    failing_since   BIGINT,
    disabled_at     BIGINT,
    deleted_at      BIGINT
);
CREATE INDEX webhook_endpoint_organisation ON webhook_endpoint (organisation_id, id);

-- Each event for each endpoint, written in the transaction of the event (as emails are), sent after, tried again
-- with longer waits until it is taken; its last attempt is kept for the endpoint's delivery log.
CREATE TABLE webhook_delivery (
    id              INTEGER PRIMARY KEY,
    endpoint_id     BIGINT  NOT NULL REFERENCES webhook_endpoint (id),
    message_id      TEXT    NOT NULL UNIQUE,
    event           TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    last_attempt_at BIGINT,
    last_status     INTEGER,
    last_error      TEXT,
    last_millis     BIGINT,
    delivered_at    BIGINT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);

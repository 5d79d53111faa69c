-- An organisation's own OpenID Connect provider, which vouches for the addresses of its email domains (written
-- ",a.example,b.example,"): people with those addresses sign in with it. Its endpoints are read from its discovery
-- document when the owner saves it.
CREATE TABLE company_sign_in (
    organisation_id        BIGINT PRIMARY KEY REFERENCES organisation (id),
    issuer                 TEXT   NOT NULL,
    client_id              TEXT   NOT NULL,
    client_secret          TEXT   NOT NULL,
    domains                TEXT   NOT NULL,
    authorization_endpoint TEXT   NOT NULL,
    token_endpoint         TEXT   NOT NULL,
    jwks_uri               TEXT   NOT NULL,
    updated_by             BIGINT NOT NULL REFERENCES member (id),
    updated_at             BIGINT NOT NULL
);

-- A sign-in under way: its state (the key), nonce and PKCE verifier, good for ten minutes and once. When the provider
-- names an address that already has an account, who it said it was waits here until that account's password is given.
CREATE TABLE company_sign_in_attempt (
    state           TEXT   PRIMARY KEY,
    organisation_id BIGINT NOT NULL REFERENCES organisation (id),
    nonce           TEXT   NOT NULL,
    verifier        TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    used_at         BIGINT,
    subject         TEXT,
    member_id       BIGINT REFERENCES member (id)
);

-- Who a provider's subject is here, once linked.
CREATE TABLE company_identity (
    issuer    TEXT   NOT NULL,
    subject   TEXT   NOT NULL,
    member_id BIGINT NOT NULL REFERENCES member (id),
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);

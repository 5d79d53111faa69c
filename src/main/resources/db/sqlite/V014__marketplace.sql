-- A price an organisation offers for an accepted contribution. The price is held in the challenge's escrow when
-- the contributor accepts; on approval of the delivery the platform keeps its fee (the rate in force, stored on
-- the transaction) and the contributor gets the rest; a rejected delivery can be disputed and an admin decides.
CREATE TABLE market_offer (
    id              INTEGER PRIMARY KEY,
    challenge_id    INTEGER NOT NULL REFERENCES challenge (id),
    contribution_id INTEGER NOT NULL REFERENCES contribution (id),
    member_id       INTEGER NOT NULL REFERENCES member (id),
    price           INTEGER NOT NULL CHECK (price > 0),
    currency        TEXT    NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('OFFERED', 'DECLINED', 'ACCEPTED', 'DELIVERED', 'REJECTED', 'DISPUTED', 'PAID', 'REFUNDED')),
    note            TEXT    NOT NULL DEFAULT '',
    offered_by      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX market_offer_contribution ON market_offer (contribution_id);
CREATE INDEX market_offer_member ON market_offer (member_id);
CREATE INDEX market_offer_disputed ON market_offer (state) WHERE state = 'DISPUTED';

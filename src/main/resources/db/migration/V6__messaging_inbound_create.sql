-- Messages devices sent to the business's numbers. context_id is the business message a reply
-- quotes, if any.
CREATE TABLE messaging_inbound (
    id              TEXT    PRIMARY KEY,
    account_id      BIGINT  NOT NULL,
    phone_number_id BIGINT  NOT NULL,
    sender          TEXT    NOT NULL,
    profile_name    TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    context_id      TEXT,
    received_at     BIGINT  NOT NULL
);

CREATE INDEX messaging_inbound_account ON messaging_inbound (account_id, received_at);

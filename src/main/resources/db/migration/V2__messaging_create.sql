-- Outbound messages and their statuses. status_rank orders statuses so that updates only move
-- forward (0 accepted, 1 sent, 2 delivered, 3 read, 4 failed).
CREATE TABLE messaging_message (
    id              TEXT    PRIMARY KEY,
    account_id      BIGINT  NOT NULL,
    phone_number_id BIGINT  NOT NULL,
    sender          TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    formatting      TEXT    NOT NULL,
    preview_url     BOOLEAN NOT NULL,
    reply_to        TEXT,
    status          TEXT    NOT NULL,
    status_rank     INTEGER NOT NULL,
    status_at       BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    delivered_at    BIGINT,
    read_at         BIGINT,
    failed_at       BIGINT,
    error_code      INTEGER,
    error_title     TEXT,
    error_details   TEXT
);

CREATE INDEX messaging_message_account ON messaging_message (account_id, created_at);

-- The durable dispatch queue: one row per message not yet handed to its network. A row is
-- claimed by bumping its version and setting a lease; a claim whose lease expired is taken again.
CREATE TABLE messaging_dispatch (
    message_id  TEXT    PRIMARY KEY,
    network     TEXT    NOT NULL,
    due_at      BIGINT  NOT NULL,
    attempts    INTEGER NOT NULL,
    claimed_by  TEXT,
    lease_until BIGINT,
    last_error  TEXT,
    version     INTEGER NOT NULL
);

CREATE INDEX messaging_dispatch_due ON messaging_dispatch (due_at);

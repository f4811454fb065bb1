-- Webhook registrations of the business accounts. The verify token is the business's own shared
-- secret for the handshake; it is never returned by the API nor logged.
CREATE TABLE webhooks_registration (
    id                  BIGINT  PRIMARY KEY,
    account_id          BIGINT  NOT NULL,
    url                 TEXT    NOT NULL,
    verify_token        TEXT    NOT NULL,
    events              TEXT    NOT NULL,
    body_form           TEXT    NOT NULL,
    max_events_per_post INTEGER NOT NULL,
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL,
    verified_at         BIGINT  NOT NULL
);

CREATE INDEX webhooks_registration_account ON webhooks_registration (account_id, created_at);

-- The outbox: one row per event and registration, written in the transaction of the change that
-- caused it. state is pending, delivered or failed. Events with the same order_key (a message id)
-- go out in order_seq order; a pending event blocks only later events with its key.
CREATE TABLE webhooks_event (
    id              BIGINT  PRIMARY KEY,
    registration_id BIGINT  NOT NULL,
    account_id      BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,
    field           TEXT    NOT NULL,
    order_key       TEXT,
    order_seq       BIGINT  NOT NULL,
    value           TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    state           TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    due_at          BIGINT  NOT NULL,
    lease_until     BIGINT,
    claimed_by      TEXT,
    last_error      TEXT,
    finished_at     BIGINT
);

CREATE INDEX webhooks_event_due ON webhooks_event (registration_id, state, due_at, id);
CREATE INDEX webhooks_event_order ON webhooks_event (registration_id, order_key, order_seq);
CREATE INDEX webhooks_event_finished ON webhooks_event (finished_at);

-- The delivery log: one row per POST attempt, with the events it carried.
CREATE TABLE webhooks_attempt (
    id              BIGINT  PRIMARY KEY,
    registration_id BIGINT  NOT NULL,
    attempted_at    BIGINT  NOT NULL,
    http_status     INTEGER,
    latency_ms      BIGINT  NOT NULL,
    error           TEXT,
    event_ids       TEXT    NOT NULL,
    succeeded       BOOLEAN NOT NULL
);

CREATE INDEX webhooks_attempt_registration ON webhooks_attempt (registration_id, attempted_at);

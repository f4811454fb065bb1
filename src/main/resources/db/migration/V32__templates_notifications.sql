-- Where an account wants its template status notices, and the outbox of those emails. Times are
-- epoch milliseconds. An outbox row is written in the transaction that changed the status, then
-- sent by a worker that claims it with a version check and a lease, retrying until max-attempts.
CREATE TABLE templates_notification_address (
    account_id BIGINT PRIMARY KEY,
    email      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE templates_email_outbox (
    id          BIGINT  PRIMARY KEY,
    account_id  BIGINT  NOT NULL,
    template_id BIGINT  NOT NULL,
    recipient   TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    due_at      BIGINT  NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_until BIGINT,
    version     INTEGER NOT NULL DEFAULT 0,
    finished_at BIGINT,
    last_error  TEXT
);

CREATE INDEX templates_email_outbox_due ON templates_email_outbox (state, due_at);
CREATE INDEX templates_email_outbox_account ON templates_email_outbox (account_id, created_at);

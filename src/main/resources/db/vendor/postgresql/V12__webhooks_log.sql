-- PostgreSQL's append-only webhook log (SQLite has had one since V11). Sequence ids do not follow
-- commit order here, because many transactions insert at once; the order of the log is instead
-- (tx, id), where tx is the inserting transaction's id. A reader takes only rows whose tx is older
-- than every transaction still running (pg_snapshot_xmin of its snapshot): every such transaction
-- has ended, so nothing can later appear before what was read, and a registration's progress
-- through the log is one (tx, id) pair. A transaction that causes another starts after it ended, so
-- it has a larger tx: each message's events keep their causal order.
CREATE TABLE webhooks_log (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx              BIGINT  NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    registration_id BIGINT  NOT NULL,
    account_id      BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,
    order_key       TEXT,
    order_seq       BIGINT  NOT NULL,
    value           TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX webhooks_log_registration ON webhooks_log (registration_id, tx, id);

-- A registration's steps through the log: at `at`, every event of it up to
-- (delivered_tx, delivered_through) had been delivered or moved to webhooks_event.
CREATE TABLE webhooks_log_progress (
    registration_id   BIGINT NOT NULL,
    delivered_tx      BIGINT NOT NULL,
    delivered_through BIGINT NOT NULL,
    at                BIGINT NOT NULL,
    PRIMARY KEY (registration_id, delivered_tx, delivered_through)
);

-- Servers share PostgreSQL, and one registration's log must have one reader, which keeps its order
-- in memory: the server that holds this lease. A dead server's lease is taken over once it ended.
CREATE TABLE webhooks_log_reader (
    registration_id BIGINT PRIMARY KEY,
    reader          TEXT   NOT NULL,
    lease_until     BIGINT NOT NULL
);

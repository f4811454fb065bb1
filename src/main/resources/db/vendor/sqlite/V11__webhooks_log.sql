-- SQLite only. New events are appended to this log; how far a registration has got through it is
-- one number, so an event delivered on its first POST costs no write of its own. AUTOINCREMENT
-- ids follow commit order (SQLite has one writer), so a reader always sees a prefix of the log,
-- and are never reused, even after every row was deleted. An event whose first POST fails moves
-- to webhooks_event under the same id and is retried there.
CREATE TABLE webhooks_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id BIGINT  NOT NULL,
    account_id      BIGINT  NOT NULL,
    kind            TEXT    NOT NULL,
    order_key       TEXT,
    order_seq       BIGINT  NOT NULL,
    value           TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL
);

-- Every SQLite index ends with the row id, so this one is (registration_id, id).
CREATE INDEX webhooks_log_registration ON webhooks_log (registration_id);

-- A registration's steps through the log: at `at`, every event of it up to delivered_through had
-- been delivered or moved to webhooks_event. The newest step is where delivery resumes after a
-- restart; the first step past an event is when it was delivered.
CREATE TABLE webhooks_log_progress (
    registration_id   BIGINT NOT NULL,
    delivered_through BIGINT NOT NULL,
    at                BIGINT NOT NULL,
    PRIMARY KEY (registration_id, delivered_through)
);

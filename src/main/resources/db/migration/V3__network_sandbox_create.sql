-- The sandbox network: virtual devices, the messages they received and their pending receipts.
-- Times are UTC instants stored as epoch milliseconds (BIGINT), identical on SQLite and PostgreSQL.
-- Every row is scoped by the business account, so that one account's sandbox never affects another's.

-- A virtual phone, created on the first message to it (or the first change made through the API).
-- last_seq numbers the messages handed to the device, so that they are delivered in that order.
CREATE TABLE network_sandbox_device (
    account_id    BIGINT  NOT NULL,
    device_number TEXT    NOT NULL,
    online        BOOLEAN NOT NULL,
    last_seq      BIGINT  NOT NULL,
    created_at    BIGINT  NOT NULL,
    PRIMARY KEY (account_id, device_number)
);

-- A message as the device received it. message_id is the idempotency key of DeliveryNetwork.deliver.
-- formatting holds the parsed spans as JSON: [{"text": "...", "styles": ["bold"]}].
CREATE TABLE network_sandbox_message (
    message_id      TEXT    PRIMARY KEY,
    account_id      BIGINT  NOT NULL,
    device_number   TEXT    NOT NULL,
    seq             BIGINT  NOT NULL,
    phone_number_id BIGINT  NOT NULL,
    from_number     TEXT    NOT NULL,
    message_type    TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    formatting      TEXT    NOT NULL,
    preview_url     BOOLEAN NOT NULL,
    reply_to        TEXT,
    accepted_at     BIGINT  NOT NULL,
    received_at     BIGINT  NOT NULL,
    delivered_at    BIGINT,
    read_at         BIGINT
);

CREATE INDEX network_sandbox_message_device
    ON network_sandbox_message (account_id, device_number, seq);

-- A receipt the device will send when due_at comes: kind is DELIVERED or READ. The worker claims due
-- rows by deleting them in the transaction that applies them. account_id, device_number and seq
-- are copied from the message so that a claimed batch can be applied in order without a join.
CREATE TABLE network_sandbox_receipt (
    message_id    TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    due_at        BIGINT NOT NULL,
    account_id    BIGINT NOT NULL,
    device_number TEXT   NOT NULL,
    seq           BIGINT NOT NULL,
    PRIMARY KEY (message_id, kind)
);

CREATE INDEX network_sandbox_receipt_due ON network_sandbox_receipt (due_at, seq);

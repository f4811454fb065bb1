-- Times are UTC instants stored as epoch milliseconds (BIGINT), identical on SQLite and PostgreSQL.
CREATE TABLE accounts_account (
    id                  BIGINT  PRIMARY KEY,
    name                TEXT    NOT NULL,
    messages_per_second INTEGER NOT NULL,
    app_secret          TEXT    NOT NULL,
    created_at          BIGINT  NOT NULL
);

CREATE TABLE accounts_phone_number (
    id                   BIGINT PRIMARY KEY,
    account_id           BIGINT NOT NULL REFERENCES accounts_account (id),
    display_phone_number TEXT   NOT NULL UNIQUE,
    network              TEXT   NOT NULL,
    created_at           BIGINT NOT NULL
);

CREATE INDEX accounts_phone_number_account ON accounts_phone_number (account_id, created_at);

-- Only a SHA-256 hash of each token is kept; the token itself is shown once, when issued.
CREATE TABLE accounts_token (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts_account (id),
    token_hash TEXT   NOT NULL UNIQUE,
    label      TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT
);

CREATE INDEX accounts_token_account ON accounts_token (account_id);

-- One row per template translation. Components are Meta-shaped JSON. Times are epoch milliseconds.
CREATE TABLE templates_template (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT NOT NULL,
    name            TEXT   NOT NULL,
    language        TEXT   NOT NULL,
    category        TEXT   NOT NULL,
    components      TEXT   NOT NULL,
    status          TEXT   NOT NULL,
    rejected_reason TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    UNIQUE (account_id, name, language)
);

CREATE INDEX templates_template_account ON templates_template (account_id, created_at, id);

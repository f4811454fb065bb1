-- The automatic review queue: one row per template waiting for the review engine. Times are epoch
-- milliseconds. A row is claimed by setting lease_until with a version check; a claim whose worker
-- died is taken again once its lease has passed. The row goes when the template is decided.
CREATE TABLE templates_review (
    template_id BIGINT  PRIMARY KEY,
    account_id  BIGINT  NOT NULL,
    due_at      BIGINT  NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_until BIGINT,
    version     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX templates_review_due ON templates_review (due_at);

-- Templates submitted before the engine existed are reviewed at once.
INSERT INTO templates_review (template_id, account_id, due_at)
SELECT id, account_id, created_at FROM templates_template WHERE status = 'PENDING';

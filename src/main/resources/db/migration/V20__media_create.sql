-- Media uploaded or fetched for an account. The bytes live in the media storage, keyed by sha256,
-- so rows with the same content share one file; the file is deleted with the last row naming it.
-- Times are UTC instants as epoch milliseconds. A row lives until expires_at, then the cleanup job
-- deletes it.
CREATE TABLE media_object (
    id          BIGINT  PRIMARY KEY,
    account_id  BIGINT  NOT NULL,
    kind        TEXT    NOT NULL,
    mime_type   TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    file_size   BIGINT  NOT NULL,
    filename    TEXT    NOT NULL,
    width       INTEGER,
    height      INTEGER,
    duration_ms BIGINT,
    animated    BOOLEAN NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL
);

CREATE INDEX media_object_expires ON media_object (expires_at);
CREATE INDEX media_object_sha256 ON media_object (sha256);

-- PostgreSQL's webhook log keeps one row per registration per append (a batch of sends appends its
-- status events at once) instead of one per event: the events travel packed in `events` (see
-- PackedEvents), so a batch of sends costs one heap row and two index entries per registration
-- rather than per event, and TOAST compresses the text. A row's id is its first event's id and its
-- i-th event has id + i, so event ids are unchanged in meaning: unique, in append order, never
-- reused. The identity now steps by 1024, the most events one row holds, so the ids of two rows
-- never overlap. created_at is the earliest creation time of the row's events.
ALTER TABLE webhooks_log ADD COLUMN n INT NOT NULL DEFAULT 1, ADD COLUMN events TEXT;

-- Rows written before this version become rows of one event each, under the same id.
UPDATE webhooks_log
   SET events = kind || chr(31) || COALESCE('=' || order_key, '') || chr(31) || order_seq
                || chr(31) || created_at || chr(31) || value;

ALTER TABLE webhooks_log
    ALTER COLUMN events SET NOT NULL,
    ALTER COLUMN n DROP DEFAULT,
    DROP COLUMN kind,
    DROP COLUMN order_key,
    DROP COLUMN order_seq,
    DROP COLUMN value;

DO $$
DECLARE
    next_id BIGINT;
BEGIN
    -- Past every id ever given, including those of rows already purged.
    SELECT nextval(pg_get_serial_sequence('webhooks_log', 'id')) INTO next_id;
    EXECUTE format('ALTER TABLE webhooks_log ALTER COLUMN id SET INCREMENT BY 1024 RESTART WITH %s',
                   next_id);
    -- LZ4 compresses and decompresses several times faster than the default pglz; servers built
    -- without it keep pglz.
    BEGIN
        EXECUTE 'ALTER TABLE webhooks_log ALTER COLUMN events SET COMPRESSION lz4';
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'webhooks_log.events keeps the default compression: %', SQLERRM;
    END;
END
$$;

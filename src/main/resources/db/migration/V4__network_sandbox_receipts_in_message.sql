-- A device's pending receipt moves into the message row. A message waits for at most one receipt
-- at a time (delivered, then read), so two columns replace the receipt table: scheduling a receipt
-- is part of the insert or update that already writes the row, and applying one is one update
-- instead of a delete, an update and an insert. Measured in docs/benchmarks.md.
ALTER TABLE network_sandbox_message ADD COLUMN receipt_kind TEXT;
ALTER TABLE network_sandbox_message ADD COLUMN receipt_due_at BIGINT;

UPDATE network_sandbox_message
   SET receipt_kind = 'READ',
       receipt_due_at = (SELECT r.due_at FROM network_sandbox_receipt r
                          WHERE r.message_id = network_sandbox_message.message_id
                            AND r.kind = 'READ')
 WHERE EXISTS (SELECT 1 FROM network_sandbox_receipt r
                WHERE r.message_id = network_sandbox_message.message_id AND r.kind = 'READ');

-- A delivery comes before a read, so a queued delivery receipt wins over a queued read receipt.
UPDATE network_sandbox_message
   SET receipt_kind = 'DELIVERED',
       receipt_due_at = (SELECT r.due_at FROM network_sandbox_receipt r
                          WHERE r.message_id = network_sandbox_message.message_id
                            AND r.kind = 'DELIVERED')
 WHERE EXISTS (SELECT 1 FROM network_sandbox_receipt r
                WHERE r.message_id = network_sandbox_message.message_id AND r.kind = 'DELIVERED');

DROP TABLE network_sandbox_receipt;

-- Only messages with a pending receipt are indexed, so the index stays as small as the backlog.
CREATE INDEX network_sandbox_message_receipt_due
    ON network_sandbox_message (receipt_due_at, seq) WHERE receipt_due_at IS NOT NULL;

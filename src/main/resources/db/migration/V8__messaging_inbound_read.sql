-- When the business marked an inbound message as read (Cloud API "status": "read"); NULL until then.
ALTER TABLE messaging_inbound ADD COLUMN read_at BIGINT;

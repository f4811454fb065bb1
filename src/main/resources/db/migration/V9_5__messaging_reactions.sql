-- Reactions (reference/cloud-api.md §2.9, §4.4) change the reacted message: the user's current
-- reaction on one of the business's messages, and the business's current reaction on one of the
-- user's. Null when there is none or it was removed; the time is that of the last change, in epoch
-- milliseconds like every time column.
ALTER TABLE messaging_message ADD COLUMN reaction TEXT;
ALTER TABLE messaging_message ADD COLUMN reaction_at BIGINT;
ALTER TABLE messaging_inbound ADD COLUMN reaction TEXT;
ALTER TABLE messaging_inbound ADD COLUMN reaction_at BIGINT;

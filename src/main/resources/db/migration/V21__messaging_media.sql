-- Media messages: the media a message carries (id, type, hash, size, filename) as JSON; null for
-- text. The caption is the message's body.
ALTER TABLE messaging_message ADD COLUMN media TEXT;

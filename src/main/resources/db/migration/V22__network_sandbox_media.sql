-- Media messages on sandbox devices: the media received (id, type, hash, size, filename) as JSON;
-- null for text. The caption is the message's body.
ALTER TABLE network_sandbox_message ADD COLUMN media TEXT;

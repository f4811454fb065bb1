-- The media of an inbound media message, as JSON: {"id", "kind", "mime_type", "sha256",
-- "file_size", "filename", "animated"}. NULL for text.
ALTER TABLE messaging_inbound ADD COLUMN media TEXT;

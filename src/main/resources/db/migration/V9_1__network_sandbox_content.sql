-- Structured messages on sandbox devices (location, contacts, interactive, template, reaction): the
-- type's object as JSON in Meta's shape; null for text and media.
ALTER TABLE network_sandbox_message ADD COLUMN content TEXT;

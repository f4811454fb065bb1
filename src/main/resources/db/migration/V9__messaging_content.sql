-- Messages of the structured types (location, contacts, interactive, template, reaction): the
-- type's object as JSON in Meta's shape, exactly as devices and webhooks show it; null for text and
-- media, whose body and media columns hold everything.
ALTER TABLE messaging_message ADD COLUMN content TEXT;
ALTER TABLE messaging_inbound ADD COLUMN content TEXT;

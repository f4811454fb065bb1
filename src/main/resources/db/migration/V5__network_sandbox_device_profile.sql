-- A device's profile name, as the business sees it in the contacts of inbound messages. NULL means
-- the default name derived from the number.
ALTER TABLE network_sandbox_device ADD COLUMN profile_name TEXT;

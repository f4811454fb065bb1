-- The device's current reaction on a message it received (null when none or removed), and when it
-- last changed, in epoch milliseconds.
ALTER TABLE network_sandbox_message ADD COLUMN reaction TEXT;
ALTER TABLE network_sandbox_message ADD COLUMN reaction_at BIGINT;

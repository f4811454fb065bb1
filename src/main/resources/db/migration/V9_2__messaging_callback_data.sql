-- biz_opaque_callback_data of the Cloud API: up to 512 characters the business attaches to a
-- message, echoed in every status webhook of that message. Null when none was given.
ALTER TABLE messaging_message ADD COLUMN callback_data TEXT;

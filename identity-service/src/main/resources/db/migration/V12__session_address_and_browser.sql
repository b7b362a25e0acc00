-- The resident's own list of sessions shows where and in which browser each began.
ALTER TABLE session ADD COLUMN client_address text, ADD COLUMN browser text;

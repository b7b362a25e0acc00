-- An email to an address that has no account (the no-account notice) has no account id.
ALTER TABLE delivery ALTER COLUMN account_id DROP NOT NULL;

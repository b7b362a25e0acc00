-- A resident's change of email address (their username), waiting for the link sent to the new address.
-- Only a SHA-256 of the link's token is kept. The account's address changes only when the link is used;
-- the unique key on account.email_normalized decides between two accounts confirming one address.
CREATE TABLE email_change (
    id                   uuid PRIMARY KEY,
    account_id           uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    new_email            text        NOT NULL,
    new_email_normalized text        NOT NULL,
    token_hash           bytea       NOT NULL UNIQUE,
    created_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL,
    confirmed_at         timestamptz,
    revoked_at           timestamptz
);
CREATE INDEX email_change_account_idx ON email_change (account_id, created_at);

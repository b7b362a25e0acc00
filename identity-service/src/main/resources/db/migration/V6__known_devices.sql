-- Browsers that have logged in to an account before (OWASP's device cookies): a stranger's guesses
-- pause the account for unknown browsers only, while each known browser keeps a count of its own.
CREATE TABLE known_device (
    id                  uuid PRIMARY KEY,
    account_id          uuid        NOT NULL REFERENCES account (id),
    token_hash          bytea       NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL,
    last_used_at        timestamptz NOT NULL,
    failed_logins       integer     NOT NULL DEFAULT 0,
    login_blocked_until timestamptz
);
CREATE INDEX known_device_account_idx ON known_device (account_id);

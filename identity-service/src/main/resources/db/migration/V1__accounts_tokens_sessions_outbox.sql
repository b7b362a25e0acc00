-- Accounts: the id never changes; the email is the username, unique after normalisation.
CREATE TABLE account (
    id                  uuid PRIMARY KEY,
    email               text        NOT NULL,
    email_normalized    text        NOT NULL UNIQUE,
    display_name        text        NOT NULL,
    locale              varchar(2)  NOT NULL,
    state               varchar(32) NOT NULL
        CHECK (state IN ('PENDING_FIRST_PASSWORD', 'ACTIVE', 'LOCKED', 'DISABLED')),
    password_hash       text,
    password_changed_at timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- Usernames from the old system: other city systems keyed their records by them.
CREATE TABLE legacy_username (
    username_normalized text PRIMARY KEY,
    username            text NOT NULL,
    account_id          uuid NOT NULL REFERENCES account (id)
);
CREATE INDEX legacy_username_account_idx ON legacy_username (account_id);

-- Password links: only a SHA-256 of the token is kept; the raw token is in the event and the email.
CREATE TABLE recovery_token (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id),
    token_hash  bytea       NOT NULL UNIQUE,
    purpose     varchar(32) NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX recovery_token_open_idx ON recovery_token (account_id) WHERE used_at IS NULL AND revoked_at IS NULL;

-- Sessions of the portal: only a SHA-256 of the session token is kept.
CREATE TABLE session (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id),
    token_hash  bytea       NOT NULL UNIQUE,
    persistent  boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX session_account_idx ON session (account_id) WHERE revoked_at IS NULL;

-- Transactional outbox: written with the change it announces, published by the relay, then deleted.
CREATE TABLE outbox_event (
    id          uuid PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX outbox_event_created_idx ON outbox_event (created_at);

-- Passkeys (WebAuthn discoverable credentials) and the challenges of their ceremonies.

-- The public key and what the authenticator said of itself, as webauthn4j's attested credential data (AAGUID,
-- credential id, COSE key). sign_count only rises (a clone shows as a count that does not); the backup flags
-- tell a synced passkey from one bound to its device.
CREATE TABLE passkey (
    id                       uuid PRIMARY KEY,
    account_id               uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    credential_id            bytea       NOT NULL UNIQUE,
    attested_credential_data bytea       NOT NULL,
    sign_count               bigint      NOT NULL,
    uv_initialized           boolean     NOT NULL,
    backup_eligible          boolean     NOT NULL,
    backup_state             boolean     NOT NULL,
    transports               text,
    name                     text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    created_at               timestamptz NOT NULL,
    last_used_at             timestamptz
);
CREATE INDEX passkey_account_idx ON passkey (account_id);

-- A challenge is spent once, by a conditional update, before the response to it is verified; a registration's
-- belongs to its account, a login's to no one yet.
CREATE TABLE webauthn_challenge (
    id         uuid PRIMARY KEY,
    challenge  bytea       NOT NULL UNIQUE,
    ceremony   text        NOT NULL CHECK (ceremony IN ('REGISTRATION', 'AUTHENTICATION')),
    account_id uuid REFERENCES account (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK ((ceremony = 'REGISTRATION') = (account_id IS NOT NULL))
);
CREATE INDEX webauthn_challenge_expires_idx ON webauthn_challenge (expires_at);

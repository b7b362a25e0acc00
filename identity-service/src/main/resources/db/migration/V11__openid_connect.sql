-- OpenID Connect: one-time authorization codes and rotating refresh tokens. Only a SHA-256 of each is
-- kept. Both belong to the portal session the resident logged in with: when it ends (logout, password
-- change, "sign out everywhere", retention) they end with it.
CREATE TABLE authorization_code (
    id             uuid PRIMARY KEY,
    code_hash      bytea       NOT NULL UNIQUE,
    client_id      text        NOT NULL,
    account_id     uuid        NOT NULL REFERENCES account (id),
    session_id     uuid        NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    redirect_uri   text        NOT NULL,
    scope          text        NOT NULL,
    code_challenge text        NOT NULL,
    nonce          text,
    auth_time      timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX authorization_code_session_idx ON authorization_code (session_id);

-- A family is every refresh token rotated from one authorization code (family_id is the code's id):
-- presenting a spent token again revokes the whole family.
CREATE TABLE refresh_token (
    id          uuid PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    family_id   uuid        NOT NULL,
    client_id   text        NOT NULL,
    account_id  uuid        NOT NULL REFERENCES account (id),
    session_id  uuid        NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    scope       text        NOT NULL,
    auth_time   timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

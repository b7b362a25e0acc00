-- A second factor (docs/architecture.md, "Login steps"): an authenticator app's secret (TOTP, RFC 6238) and
-- ten single-use recovery codes, and the login flow that holds a login between its steps.

-- One authenticator app per account. Unconfirmed until the resident types a code it shows; a new enrolment
-- replaces an unconfirmed one. last_used_step makes a code single use: it is raised by a conditional update,
-- so of many submissions of one code exactly one gets in. failures counts wrong codes (reserved before the
-- check, as a password's are); at the limit the second factor pauses until paused_until.
CREATE TABLE totp_credential (
    account_id     uuid PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    secret         bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    confirmed_at   timestamptz,
    last_used_step bigint,
    last_used_at   timestamptz,
    failures       integer     NOT NULL DEFAULT 0,
    paused_until   timestamptz
);

-- Shown once when the authenticator app is confirmed, kept as SHA-256 (each carries 80 random bits).
CREATE TABLE recovery_code (
    id         uuid PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash  bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz,
    UNIQUE (account_id, code_hash)
);

-- A login between its steps: the first factor was given (amr says which), the next step is named. Short-lived
-- and single use: completed_at is set by a conditional update in the transaction that starts the session.
CREATE TABLE login_flow (
    id           uuid PRIMARY KEY,
    token_hash   bytea       NOT NULL UNIQUE,
    account_id   uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    amr          text        NOT NULL,
    next_step    text        NOT NULL CHECK (next_step IN ('SECOND_FACTOR')),
    remember_me  boolean     NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX login_flow_expires_idx ON login_flow (expires_at);

-- How the session's resident proved who they are (RFC 8176 values, space-separated): the ID token's amr.
ALTER TABLE session ADD COLUMN amr text NOT NULL DEFAULT 'pwd';

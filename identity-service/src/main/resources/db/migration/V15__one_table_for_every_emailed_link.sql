-- Every link the suite mails lives in one table with one lifecycle (docs/architecture.md, "Emailed links"):
-- the password links (first login, new account, forgotten password), the email-change confirmation to the
-- new address and its cancellation to the old one ("this wasn't me"), and the one-time login code that lets
-- a new browser in while the account is paused. kind says why the link was mailed, action what spending it
-- does. Only the SHA-256 of a token is kept.
CREATE TABLE emailed_link (
    id                   uuid PRIMARY KEY,
    account_id           uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind                 text        NOT NULL
        CHECK (kind IN ('FIRST_LOGIN', 'NEW_ACCOUNT', 'FORGOTTEN_PASSWORD', 'EMAIL_CHANGE', 'EMAIL_CHANGE_CANCEL', 'LOGIN_CODE')),
    action               text        NOT NULL
        CHECK (action IN ('SET_PASSWORD', 'CONFIRM_EMAIL', 'CANCEL_EMAIL_CHANGE', 'SIGN_IN')),
    token_hash           bytea       NOT NULL UNIQUE,
    -- The address the link is about, for the kinds that carry one: the new address of an email change.
    new_email            text,
    new_email_normalized text,
    created_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL,
    spent_at             timestamptz,
    revoked_at           timestamptz,
    -- Tries of a typed code (a login code has 8 digits, so its tries are few); links are not typed.
    attempts             integer     NOT NULL DEFAULT 0,
    CONSTRAINT emailed_link_carries_its_address
        CHECK ((action IN ('CONFIRM_EMAIL', 'CANCEL_EMAIL_CHANGE')) = (new_email_normalized IS NOT NULL))
);
CREATE INDEX emailed_link_account_idx ON emailed_link (account_id, created_at);

-- Carry the links over. Under the account's row lock every issuer revoked the older ones, so at most one per
-- account and action is unspent; should there be more, only the newest stays.
INSERT INTO emailed_link (id, account_id, kind, action, token_hash, created_at, expires_at, spent_at, revoked_at)
SELECT id, account_id, purpose, 'SET_PASSWORD', token_hash, created_at, expires_at, used_at, revoked_at
FROM password_link;
INSERT INTO emailed_link (id, account_id, kind, action, token_hash, new_email, new_email_normalized, created_at,
                          expires_at, spent_at, revoked_at)
SELECT id, account_id, 'EMAIL_CHANGE', 'CONFIRM_EMAIL', token_hash, new_email, new_email_normalized, created_at,
       expires_at, confirmed_at, revoked_at
FROM email_change;
UPDATE emailed_link l SET revoked_at = now()
FROM (SELECT id, row_number() OVER (PARTITION BY account_id, action ORDER BY created_at DESC) AS newest
      FROM emailed_link WHERE spent_at IS NULL AND revoked_at IS NULL) older
WHERE l.id = older.id AND older.newest > 1;

-- One valid link per account and action, held by PostgreSQL and not only by the issuer's lock: a new link
-- revokes the unspent one first (expired ones included), in the same transaction.
CREATE UNIQUE INDEX emailed_link_one_unspent ON emailed_link (account_id, action)
    WHERE spent_at IS NULL AND revoked_at IS NULL;

DROP TABLE password_link;
DROP TABLE email_change;

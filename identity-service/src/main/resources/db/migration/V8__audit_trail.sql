-- What happened to an account and who did it: logins, pauses, links, password changes, logouts, admin
-- actions. Never a password, token or hash. Kept for identity.retention.audit-events.
CREATE TABLE audit_event (
    id             uuid PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    kind           varchar(32) NOT NULL,
    account_id     uuid,
    client_address text,
    detail         text
);
CREATE INDEX audit_event_account_idx ON audit_event (account_id, occurred_at) WHERE account_id IS NOT NULL;
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

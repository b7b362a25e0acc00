-- Brute-force protection, shared by every replica through the database.
-- Per account: consecutive failed logins; the account's login pauses after too many. Kept on the
-- account row, so that a login still reads one row.
ALTER TABLE account
    ADD COLUMN failed_logins       integer NOT NULL DEFAULT 0,
    ADD COLUMN login_blocked_until timestamptz;

-- Per client address: failed logins within a window, over all accounts (password spraying).
CREATE TABLE login_address_throttle (
    address           text PRIMARY KEY,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    blocked_until     timestamptz
);

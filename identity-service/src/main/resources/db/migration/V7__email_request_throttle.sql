-- Requests that may send an email (a password link, a registration), per client address and hour: an
-- address cannot use the suite to mail many mailboxes.
CREATE TABLE email_request_throttle (
    address           text PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    requests          integer     NOT NULL
);

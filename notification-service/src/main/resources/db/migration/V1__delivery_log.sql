-- One row per event handled: the event id deduplicates redeliveries, the rest is the delivery log.
CREATE TABLE delivery (
    event_id    uuid PRIMARY KEY,
    account_id  uuid        NOT NULL,
    recipient   text        NOT NULL,
    purpose     varchar(32) NOT NULL,
    locale      varchar(2)  NOT NULL,
    status      varchar(16) NOT NULL CHECK (status IN ('SENDING', 'SENT', 'EXPIRED')),
    attempts    integer     NOT NULL,
    received_at timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX delivery_account_idx ON delivery (account_id);

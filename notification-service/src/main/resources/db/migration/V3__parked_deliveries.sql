-- An email that could not be sent within the consumer's retries (the mail server down for long, say) is
-- parked: kept with its event, so that the retry job or ops can send it later without holding up the
-- events behind it on its partition.
ALTER TABLE delivery ADD COLUMN topic text;
ALTER TABLE delivery ADD COLUMN payload text;
ALTER TABLE delivery ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE delivery ADD COLUMN last_error text;
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('SENDING', 'SENT', 'EXPIRED', 'PARKED'));
CREATE INDEX delivery_parked_idx ON delivery (next_attempt_at) WHERE status = 'PARKED';

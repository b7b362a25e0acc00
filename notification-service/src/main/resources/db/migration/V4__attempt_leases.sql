-- One attempt at a time per email: a claim takes the row only if it is parked and due, or if the attempt
-- that holds it (SENDING) let its lease (next_attempt_at) run out. Rows claimed before leases existed get
-- one that has run out, so that a redelivery may still send them.
UPDATE delivery SET next_attempt_at = now() WHERE status = 'SENDING' AND next_attempt_at IS NULL;
DROP INDEX delivery_parked_idx;
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('PARKED', 'SENDING');

-- The W3C trace id of the request behind the event (from the Kafka record's traceparent header), so that
-- ops can follow a resident's "I never got the email" from the portal's logs to this row.
ALTER TABLE delivery ADD COLUMN trace_id text;

-- The W3C traceparent of the request behind an outbox event, sent as the Kafka record's header so that
-- the email's delivery joins the resident's trace.
ALTER TABLE outbox_event ADD COLUMN trace_parent text;

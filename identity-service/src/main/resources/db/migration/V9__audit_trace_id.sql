-- The W3C trace id of the request behind each audit event: the caller's when it sent a traceparent, so
-- that an event leads to the request's log lines across the portal and identity-service.
ALTER TABLE audit_event ADD COLUMN trace_id text;

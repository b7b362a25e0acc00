-- Every insert into the outbox wakes the relays (OutboxWakeUp listens on "outbox"): PostgreSQL delivers the
-- notification when the inserting transaction commits, and not at all if it rolls back. The database sends
-- it, so no writer can forget it and no writer pays a statement of its own for it. Once per statement;
-- PostgreSQL folds the identical notifications of one transaction into one.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();

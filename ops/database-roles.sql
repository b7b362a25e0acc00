-- A database user per service, and a separate one that migrates its schema. Run once per environment by
-- the database administrator, as the database's owner or a superuser, in the suite's database:
--
--   psql -d citylogin -v ON_ERROR_STOP=1 -f ops/database-roles.sql
--   psql -d citylogin -c '\password identity_app'      (and identity_migrator, notification_app,
--                                                         notification_migrator; then store each in its Secret)
--
-- identity_migrator and notification_migrator own their schema and run its Flyway migrations (the migration
-- Job of each release, docs/operations.md). identity_app and notification_app, which the services run as,
-- may read and write the rows of their own schema only: they cannot change its tables, and neither can
-- see the other's schema (notification-service never reads a password hash).
CREATE ROLE identity_migrator LOGIN;
CREATE ROLE identity_app LOGIN;
CREATE ROLE notification_migrator LOGIN;
CREATE ROLE notification_app LOGIN;

-- Nothing but these four connects, and nobody creates objects outside their own schema.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO identity_migrator, identity_app, notification_migrator, '
                   'notification_app', current_database());
END
$$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA identity AUTHORIZATION identity_migrator;
GRANT USAGE ON SCHEMA identity TO identity_app;
-- Every table and sequence the migrations create is the service's to read and write, and no more.
ALTER DEFAULT PRIVILEGES FOR ROLE identity_migrator IN SCHEMA identity
    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO identity_app;
ALTER DEFAULT PRIVILEGES FOR ROLE identity_migrator IN SCHEMA identity
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO identity_app;

CREATE SCHEMA notification AUTHORIZATION notification_migrator;
GRANT USAGE ON SCHEMA notification TO notification_app;
ALTER DEFAULT PRIVILEGES FOR ROLE notification_migrator IN SCHEMA notification
    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO notification_app;
ALTER DEFAULT PRIVILEGES FOR ROLE notification_migrator IN SCHEMA notification
    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO notification_app;

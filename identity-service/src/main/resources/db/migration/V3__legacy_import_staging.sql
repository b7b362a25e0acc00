-- Rows of a legacy import while it is checked and applied; emptied when the import ends. Staging in the
-- database keeps the service's memory bounded however large the file, and lets SQL find duplicates.
CREATE UNLOGGED TABLE legacy_import_row (
    import_id           uuid    NOT NULL,
    line                integer NOT NULL,
    username            text    NOT NULL,
    username_normalized text    NOT NULL,
    email               text    NOT NULL,
    email_normalized    text    NOT NULL,
    display_name        text    NOT NULL,
    locale              varchar(2) NOT NULL,
    outcome             varchar(32),
    PRIMARY KEY (import_id, line)
);
CREATE INDEX legacy_import_row_username_idx ON legacy_import_row (import_id, username_normalized);
CREATE INDEX legacy_import_row_email_idx ON legacy_import_row (import_id, email_normalized);

-- A session also ends after a while without use (the idle timeout), besides its absolute end.
ALTER TABLE session ADD COLUMN last_seen_at timestamptz;
UPDATE session SET last_seen_at = created_at;
ALTER TABLE session ALTER COLUMN last_seen_at SET NOT NULL;

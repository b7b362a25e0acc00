-- The emailed link is called a "password link" everywhere (code, config, API, docs): so is its table.
ALTER TABLE recovery_token RENAME TO password_link;
ALTER INDEX recovery_token_open_idx RENAME TO password_link_open_idx;
ALTER TABLE password_link RENAME CONSTRAINT recovery_token_pkey TO password_link_pkey;
ALTER TABLE password_link RENAME CONSTRAINT recovery_token_token_hash_key TO password_link_token_hash_key;
ALTER TABLE password_link RENAME CONSTRAINT recovery_token_account_id_fkey TO password_link_account_id_fkey;

-- No code ever set LOCKED: a brute-force pause is a time on the account (login_blocked_until), not a state.
UPDATE account SET state = 'ACTIVE' WHERE state = 'LOCKED';
ALTER TABLE account DROP CONSTRAINT account_state_check;
ALTER TABLE account ADD CONSTRAINT account_state_check
    CHECK (state IN ('PENDING_FIRST_PASSWORD', 'ACTIVE', 'DISABLED'));

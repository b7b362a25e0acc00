-- The new-browser notice: a link of its own kind and action ("it wasn't me" ends every session and starts a
-- password reset), so its limits are its own.
ALTER TABLE emailed_link DROP CONSTRAINT emailed_link_kind_check;
ALTER TABLE emailed_link ADD CONSTRAINT emailed_link_kind_check CHECK (kind IN ('FIRST_LOGIN', 'NEW_ACCOUNT',
    'FORGOTTEN_PASSWORD', 'EMAIL_CHANGE', 'EMAIL_CHANGE_CANCEL', 'LOGIN_CODE', 'NEW_BROWSER'));
ALTER TABLE emailed_link DROP CONSTRAINT emailed_link_action_check;
ALTER TABLE emailed_link ADD CONSTRAINT emailed_link_action_check CHECK (action IN ('SET_PASSWORD', 'CONFIRM_EMAIL',
    'CANCEL_EMAIL_CHANGE', 'SIGN_IN', 'SECURE_ACCOUNT'));

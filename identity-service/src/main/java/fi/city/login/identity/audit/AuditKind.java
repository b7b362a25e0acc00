package fi.city.login.identity.audit;

/** What an audit event records. */
public enum AuditKind {
    LOGIN_SUCCEEDED,
    /** A wrong password; the one that reaches the limit pauses the account (or the browser) for a while. */
    LOGIN_FAILED,
    LINK_SENT,
    LINK_USED,
    /** The first password of a migrated or new account, or a changed one (detail says which). */
    PASSWORD_SET,
    SESSION_ENDED,
    LEGACY_IMPORT,
    CLIENT_TOKEN_ISSUED,
    /** The resident changed their name or language (detail: which). */
    PROFILE_CHANGED,
    /** The resident asked for a new email address; a link went to it (detail: the new address, masked). */
    EMAIL_CHANGE_REQUESTED,
    /** The link to the new address was used: it is the username now (detail: the new address, masked). */
    EMAIL_CHANGED,
    /** The old address's link stopped a change asked for (detail: the address it would have been, masked). */
    EMAIL_CHANGE_CANCELLED,
    /** An e-service exchanged an authorization code for the resident's tokens (detail: its client id). */
    ESERVICE_LOGIN,
    /**
     * A spent authorization code or refresh token was presented again: someone other than the e-service may
     * hold it, so every refresh token of its family was revoked.
     */
    TOKEN_REPLAYED,
    /** A city system looked the account up (detail: its client id and by what). */
    ACCOUNT_LOOKED_UP,
    /** A city system read the account's activity trail (detail: its client id). */
    ACTIVITY_READ,
    /** A wrong or reused code of the second factor (detail: at login, or which change asked for it). */
    SECOND_FACTOR_FAILED,
    /** An authenticator app was confirmed as the account's second factor. */
    SECOND_FACTOR_ENROLLED,
    /** The resident removed their authenticator app (and its recovery codes). */
    SECOND_FACTOR_REMOVED,
    /** A recovery code stood in for the authenticator app (detail: how many are left). */
    RECOVERY_CODE_USED,
    /** A passkey was added (detail: the name the resident gave it). */
    PASSKEY_ADDED,
    /** A passkey was removed (detail: its id). */
    PASSKEY_REMOVED
}

package fi.city.login.identity.audit;

/** What an audit event records. */
public enum AuditKind {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** A login refused because the account (for unknown browsers), the browser or the address is paused. */
    LOGIN_REFUSED_PAUSED,
    LINK_SENT,
    LINK_USED,
    /** The first password of a migrated or new account, or a changed one (detail says which). */
    PASSWORD_SET,
    SESSION_ENDED,
    LEGACY_IMPORT,
    CLIENT_TOKEN_ISSUED
}

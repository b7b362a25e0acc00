package fi.city.login.identity.domain;

/** The life of an account. */
public enum AccountState {
    /** Carried over from the old system (or newly registered): no password until the email link is used. */
    PENDING_FIRST_PASSWORD,
    /** Logs in with email and password. */
    ACTIVE,
    /** Temporarily refused, e.g. by brute-force protection; recovery by email still works. */
    LOCKED,
    /** Closed by an administrator. */
    DISABLED
}

package fi.city.login.identity.account;

/**
 * The life of an account. A brute-force pause is not a state: it is a time on the account
 * ({@code loginBlockedUntil}) that passes by itself or is lifted by recovery by email.
 */
public enum AccountState {
    /** Carried over from the old system (or newly registered): no password until the email link is used. */
    PENDING_FIRST_PASSWORD,
    /** Logs in with email and password. */
    ACTIVE,
    /** Closed by an administrator. */
    DISABLED
}

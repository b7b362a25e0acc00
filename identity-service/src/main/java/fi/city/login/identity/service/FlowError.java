package fi.city.login.identity.service;

/**
 * Every way a flow can refuse a request, with the HTTP status and the problem type (RFC 9457) the
 * REST API answers with. The slug is stable: clients such as the portal switch on it.
 */
public enum FlowError {
    INVALID_EMAIL(400, "invalid-email", "The email address is not valid"),
    INVALID_NAME(400, "invalid-name", "The name is empty or too long"),
    INVALID_CREDENTIALS(401, "invalid-credentials", "Wrong email address or password"),
    ACCOUNT_DISABLED(403, "account-disabled", "The account is disabled"),
    PASSWORD_MISMATCH(400, "password-mismatch", "The new password and its confirmation differ"),
    PASSWORD_TOO_SHORT(400, "password-too-short", "The password is too short"),
    PASSWORD_TOO_LONG(400, "password-too-long", "The password is too long"),
    PASSWORD_TOO_COMMON(400, "password-too-common", "The password is too common or easy to guess"),
    PASSWORD_CONTAINS_USERNAME(400, "password-contains-username", "The password contains the username"),
    LINK_INVALID(404, "link-invalid", "The link is not valid"),
    LINK_EXPIRED(410, "link-expired", "The link has expired"),
    LINK_USED(410, "link-used", "The link has already been used or replaced by a newer one"),
    SESSION_INVALID(401, "session-invalid", "The session has ended or does not exist"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many failed logins; try again later or set a new password by email"),
    ACCOUNT_NOT_FOUND(404, "account-not-found", "No account matches"),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required"),
    INSUFFICIENT_SCOPE(403, "insufficient-scope", "The token lacks the scope this call needs"),
    IMPORT_UNREADABLE(400, "import-unreadable", "The file could not be read as CSV or JSON; nothing was imported"),
    OVERLOADED(503, "overloaded", "The service is busy; try again in a moment");

    private final int status;
    private final String slug;
    private final String title;

    FlowError(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** How the API names each way a new password breaks the policy. */
    public static FlowError of(fi.city.login.identity.password.PasswordPolicy.Violation violation) {
        return switch (violation) {
            case TOO_SHORT -> PASSWORD_TOO_SHORT;
            case TOO_LONG -> PASSWORD_TOO_LONG;
            case COMMON -> PASSWORD_TOO_COMMON;
            case CONTAINS_USERNAME -> PASSWORD_CONTAINS_USERNAME;
        };
    }

    public FlowException exception() {
        return new FlowException(this);
    }
}

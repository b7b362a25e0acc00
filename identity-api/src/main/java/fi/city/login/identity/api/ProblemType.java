package fi.city.login.identity.api;

/**
 * Every way identity-service refuses a request, with its HTTP status. The problem document (RFC 9457)
 * names it by {@link #type()}, {@code /problems/<slug>}; the slug is the stable part that callers
 * switch on, so renaming one is a breaking change of the API.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is not valid"),
    INVALID_EMAIL(400, "invalid-email", "The email address is not valid"),
    EMAIL_UNCHANGED(400, "email-unchanged", "The new email address is the account's current one"),
    EMAIL_IN_USE(409, "email-in-use", "The email address already belongs to another account"),
    INVALID_NAME(400, "invalid-name", "The name is empty or too long"),
    INVALID_CREDENTIALS(401, "invalid-credentials", "Wrong email address or password"),
    ACCOUNT_DISABLED(403, "account-disabled", "The account is disabled"),
    PASSWORD_MISMATCH(400, "password-mismatch", "The new password and its confirmation differ"),
    PASSWORD_TOO_SHORT(400, "password-too-short", "The password is too short"),
    PASSWORD_TOO_LONG(400, "password-too-long", "The password is too long"),
    PASSWORD_TOO_COMMON(400, "password-too-common", "The password is too common or easy to guess"),
    PASSWORD_BREACHED(400, "password-breached", "The password is known from a data breach"),
    PASSWORD_CONTAINS_USERNAME(400, "password-contains-username", "The password contains the username"),
    LINK_INVALID(404, "link-invalid", "The link is not valid"),
    LINK_EXPIRED(410, "link-expired", "The link has expired"),
    LINK_USED(410, "link-used", "The link has already been used or replaced by a newer one"),
    SESSION_INVALID(401, "session-invalid", "The session has ended or does not exist"),
    LOGIN_CODE_INVALID(401, "login-code-invalid", "The login code is wrong, used up or expired"),
    SECOND_FACTOR_CODE_INVALID(401, "second-factor-code-invalid", "The authenticator app's code or the recovery code is wrong or already used"),
    SECOND_FACTOR_PAUSED(429, "second-factor-paused", "Too many wrong codes; try again in a few minutes"),
    SECOND_FACTOR_ENROLLED(409, "second-factor-enrolled", "The account has an authenticator app already; remove it first"),
    SECOND_FACTOR_NOT_ENROLLED(409, "second-factor-not-enrolled", "The account has no authenticator app to confirm or remove"),
    PASSKEY_INVALID(400, "passkey-invalid", "The passkey's answer could not be verified"),
    PASSKEY_UNKNOWN(401, "passkey-unknown", "No account has this passkey; log in with the password, then add it again"),
    PASSKEY_CHALLENGE_INVALID(401, "passkey-challenge-invalid", "The passkey prompt expired or was answered already; try again"),
    PASSKEY_LIMIT(409, "passkey-limit", "The account has as many passkeys as it may; remove one first"),
    PASSKEY_NOT_FOUND(404, "passkey-not-found", "The account has no such passkey"),
    LOGIN_FLOW_INVALID(401, "login-flow-invalid", "The login has expired or is finished; start again"),
    LINK_OF_ANOTHER_ACCOUNT(403, "link-of-another-account", "The link belongs to another account than the one logged in"),
    TOO_MANY_ATTEMPTS(429, "too-many-attempts", "Too many failed logins; try again later or set a new password by email"),
    ACCOUNT_NOT_FOUND(404, "account-not-found", "No account matches"),
    UNAUTHORIZED(401, "unauthorized", "A valid bearer token is required"),
    INSUFFICIENT_SCOPE(403, "insufficient-scope", "The token lacks the scope this call needs"),
    REQUEST_TOO_LARGE(413, "request-too-large", "The request body is too large"),
    IMPORT_UNREADABLE(400, "import-unreadable", "The file could not be read as CSV or JSON; nothing was imported"),
    UNKNOWN_CLIENT(400, "unknown-client", "No e-service is registered with this client id"),
    REDIRECT_URI_NOT_REGISTERED(400, "redirect-uri-not-registered", "The redirect URI is not registered for the e-service"),
    OVERLOADED(503, "overloaded", "The service is busy; try again in a moment"),
    UNAVAILABLE(503, "unavailable", "The service cannot reach its database just now; try again in a moment");

    private static final String PREFIX = "/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
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

    /** The {@code type} member of the problem document. */
    public String type() {
        return PREFIX + slug;
    }

    /** The problem type a document names, or null for one this contract does not know (about:blank, say). */
    public static ProblemType ofType(String type) {
        if (type == null || !type.startsWith(PREFIX)) {
            return null;
        }
        for (ProblemType candidate : values()) {
            if (candidate.slug.equals(type.substring(PREFIX.length()))) {
                return candidate;
            }
        }
        return null;
    }

    public boolean isLinkProblem() {
        return this == LINK_INVALID || this == LINK_EXPIRED || this == LINK_USED;
    }
}

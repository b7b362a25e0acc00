package fi.city.login.identity.api;

/**
 * What a new password must be, as identity-service enforces it: the portal shows these figures in its
 * hints and errors and learns them from identity-service ({@code GET /api/v1/recovery/password-policy}),
 * never from a setting of its own. The defaults are identity-service's ({@code identity.password.*}).
 *
 * @param minLength the fewest Unicode code points
 * @param maxLength the most
 */
public record PasswordPolicyView(int minLength, int maxLength) {

    /** NIST SP 800-63B: length, not composition. */
    public static final String DEFAULT_MIN_LENGTH = "12";
    public static final String DEFAULT_MAX_LENGTH = "128";

    /** The policy identity-service has unless configured otherwise: all the portal can show before it has asked. */
    public static PasswordPolicyView defaults() {
        return new PasswordPolicyView(Integer.parseInt(DEFAULT_MIN_LENGTH), Integer.parseInt(DEFAULT_MAX_LENGTH));
    }
}

package fi.city.login.identity.api.oidc;

/**
 * What the portal does with an authorization request whose client and redirect URI are registered (an
 * unknown one is refused as a problem, and never redirected to).
 *
 * @param issuer sent back with the code or error as {@code iss} (RFC 9207), so the e-service knows who answered
 */
public record AuthorizationResponse(Outcome outcome, String code, String error, String errorDescription, String issuer) {

    public enum Outcome {
        /** Redirect to the e-service with {@code code} (and the request's {@code state}). */
        CODE,
        /** The resident must log in (again): show the login, then send the request once more. */
        LOGIN_REQUIRED,
        /**
         * The e-service asked for two factors (acr_values=2) and the session has one: the resident gives a
         * code of their authenticator app ({@code /session/second-factor}), then the request is sent once more.
         */
        SECOND_FACTOR_REQUIRED,
        /** As {@link #SECOND_FACTOR_REQUIRED}, for an account without a second factor yet: it sets one up first. */
        SECOND_FACTOR_ENROLMENT_REQUIRED,
        /** Redirect to the e-service with {@code error} and {@code error_description} (RFC 6749 §4.1.2.1). */
        ERROR
    }

    @Override
    public String toString() {
        return "AuthorizationResponse[" + outcome + (error == null ? "" : " " + error) + "]";
    }
}

package fi.city.login.identity.api.settings;

/**
 * An authenticator app to set up: the {@code otpauth://} URI for its QR code, and the same secret as text
 * to type instead. Unconfirmed until a code the app shows is sent back.
 */
public record TotpEnrolment(String keyUri, String secret) {
    @Override
    public String toString() {
        return "TotpEnrolment[]";
    }
}

package fi.city.login.identity.session;

/**
 * The values of an ID token's amr (RFC 8176) that a session can carry, and its acr: "1" for one factor, "2"
 * for two (the levels Keycloak's step-up names alike), which is what an e-service asks for in acr_values.
 */
public final class AuthenticationMethods {

    public static final String PASSWORD = "pwd";
    public static final String ONE_TIME_CODE = "otp";
    public static final String MFA = "mfa";
    /** A passkey bound to its device (RFC 8176 "hwk"), or one that may be synced between devices ("swk"). */
    public static final String HARDWARE_KEY = "hwk";
    public static final String SOFTWARE_KEY = "swk";

    public static final String ONE_FACTOR = "1";
    public static final String TWO_FACTORS = "2";

    private AuthenticationMethods() {
    }

    public static String withSecondFactor(String amr) {
        return amr.contains(MFA) ? amr : amr + " " + ONE_TIME_CODE + " " + MFA;
    }

    /**
     * A passkey with user verification (required here) is two factors in one: the device, and the PIN or
     * biometric that unlocked it.
     */
    public static String passkey(boolean synced) {
        return (synced ? SOFTWARE_KEY : HARDWARE_KEY) + " " + MFA;
    }

    /** The password, then a passkey as the second factor. */
    public static String withPasskey(String amr, boolean synced) {
        return amr + " " + (synced ? SOFTWARE_KEY : HARDWARE_KEY) + " " + MFA;
    }

    public static String acr(String amr) {
        return amr.contains(MFA) ? TWO_FACTORS : ONE_FACTOR;
    }
}

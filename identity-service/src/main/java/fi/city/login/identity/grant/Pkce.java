package fi.city.login.identity.grant;

import fi.city.login.identity.token.OpaqueTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636) with S256, the only method accepted: {@code plain} proves nothing. */
public final class Pkce {

    public static final String S256 = "S256";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    /** A well-formed S256 challenge: BASE64URL of a SHA-256, 43 characters. */
    public static boolean isChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** Whether the verifier is the one the challenge was made from; in constant time. */
    public static boolean matches(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(OpaqueTokens.hash(verifier));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
    }
}

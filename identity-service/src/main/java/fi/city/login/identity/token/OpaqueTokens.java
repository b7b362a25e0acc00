package fi.city.login.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opaque tokens for links and sessions: 256 bits from a CSPRNG, URL-safe. Stored only as SHA-256, which
 * is enough for high-entropy secrets such as these and client secrets (no salt or slow hash needed, unlike
 * passwords).
 */
public final class OpaqueTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_PRESENTED_LENGTH = 100;

    private OpaqueTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether a token presented by a caller could be one of ours: anything else is refused before it is
     * hashed or looked up. Ours are 43 characters; the bound leaves room and stops junk early.
     */
    public static boolean isWellFormed(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_PRESENTED_LENGTH;
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

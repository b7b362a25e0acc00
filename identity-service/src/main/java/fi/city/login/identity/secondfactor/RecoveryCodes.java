package fi.city.login.identity.secondfactor;

import com.google.common.base.Splitter;
import com.google.common.io.BaseEncoding;
import fi.city.login.identity.token.OpaqueTokens;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Recovery codes: 80 random bits as 16 Base32 characters in groups of four (no 0, 1, 8 or 9 to mistake for
 * letters). As high-entropy secrets they are kept as SHA-256, like tokens; typed in any case, with or
 * without the dashes and spaces.
 */
final class RecoveryCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 10;

    private RecoveryCodes() {
    }

    static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return String.join("-", Splitter.fixedLength(4).split(BaseEncoding.base32().omitPadding().encode(bytes)));
    }

    /** What a typed code is compared as: its 16 characters, upper case, nothing between them. */
    static String normalized(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static boolean looksLikeOne(String typed) {
        String code = normalized(typed);
        return code.length() == 16 && code.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'));
    }

    static byte[] hash(String typed) {
        return OpaqueTokens.hash(normalized(typed));
    }
}

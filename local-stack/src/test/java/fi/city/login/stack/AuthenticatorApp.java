package fi.city.login.stack;

import org.apache.commons.codec.binary.Base32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The resident's authenticator app in the browser tests: it takes the key as the setup page shows it (or the
 * README prints the demo's) and shows the 6-digit code of a 30-second step (RFC 6238, HMAC-SHA1), computed
 * here on its own and not by the code under test.
 */
final class AuthenticatorApp {

    private final byte[] secret;

    AuthenticatorApp(String typedKey) {
        this.secret = new Base32().decode(typedKey.replace(" ", ""));
    }

    static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0xf;
            int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

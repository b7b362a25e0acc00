package fi.city.login.identity.secondfactor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The codes against the RFCs' own test vectors, and what is accepted around now. */
class TotpTest {

    /** RFC 4226 Appendix D and RFC 6238 Appendix B: the ASCII of "12345678901234567890". */
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void hotpMatchesRfc4226AppendixD() {
        List<String> expected = List.of("755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489");
        for (int counter = 0; counter < expected.size(); counter++) {
            assertEquals(expected.get(counter), Totp.code(SECRET, counter), "counter " + counter);
        }
    }

    @Test
    void totpWithSha1MatchesRfc6238AppendixB() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(codes[i], Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(times[i])), 8), "T=" + times[i]);
        }
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(SECRET, Totp.code(SECRET, step), now, 1));
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(SECRET, Totp.code(SECRET, step - 1), now, 1));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(SECRET, " " + Totp.code(SECRET, step + 1) + " ", now, 1));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SECRET, Totp.code(SECRET, step - 2), now, 1));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SECRET, Totp.code(SECRET, step + 2), now, 1));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SECRET, "12345", now, 1));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SECRET, "abcdef", now, 1));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SECRET, null, now, 1));
    }

    @Test
    void theKeyUriIsWhatAuthenticatorAppsRead() {
        String uri = Totp.keyUri(SECRET, "City login", "anna.asukas@example.com");
        assertEquals("otpauth://totp/City%20login:anna.asukas%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=City%20login&algorithm=SHA1&digits=6&period=30", uri);
        assertEquals("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", Totp.typeable(SECRET));
    }

    @Test
    void recoveryCodesAreSixteenBase32CharactersTypedInAnyCase() {
        String code = RecoveryCodes.generate();
        assertTrue(code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"), code);
        assertTrue(RecoveryCodes.looksLikeOne(code.toLowerCase().replace("-", " ")));
        assertEquals(RecoveryCodes.normalized(code), RecoveryCodes.normalized(code.toLowerCase().replace("-", "")));
        assertTrue(!RecoveryCodes.looksLikeOne("123456"));
    }
}

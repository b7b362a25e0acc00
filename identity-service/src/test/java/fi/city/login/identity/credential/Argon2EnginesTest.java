package fi.city.login.identity.credential;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Argon2EnginesTest {

    private final byte[] password = "oikea hevonen patteri niitti".getBytes(StandardCharsets.UTF_8);
    private final byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void nativeAndBouncyCastleGiveTheSameHashAtOwaspCost() {
        Argon2Cost owasp = new Argon2Cost(19456, 2, 1);
        assertArrayEquals(new NativeArgon2Engine().hash(password, salt, owasp, 32),
                new BouncyCastleArgon2Engine().hash(password, salt, owasp, 32));
    }

    @Test
    void nativeAndBouncyCastleGiveTheSameHashWithSeveralLanes() {
        Argon2Cost keycloakLike = new Argon2Cost(7168, 5, 2);
        assertArrayEquals(new NativeArgon2Engine().hash(password, salt, keycloakLike, 32),
                new BouncyCastleArgon2Engine().hash(password, salt, keycloakLike, 32));
    }

    @Test
    void matchesTheRfc9106ShapedReferenceVectorOfLibargon2() {
        // argon2 CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -r
        byte[] hash = new BouncyCastleArgon2Engine().hash("password".getBytes(StandardCharsets.US_ASCII),
                "somesalt".getBytes(StandardCharsets.US_ASCII), new Argon2Cost(65536, 2, 1), 32);
        assertEquals("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7", HexFormat.of().formatHex(hash));
    }

    @Test
    void configurationsWeakerThanOwaspsAreRecognised() {
        assertTrue(new Argon2Cost(19456, 2, 1).meetsOwaspMinimum());
        assertTrue(new Argon2Cost(7168, 5, 1).meetsOwaspMinimum());
        assertTrue(new Argon2Cost(65536, 3, 4).meetsOwaspMinimum());
        assertFalse(new Argon2Cost(19456, 1, 1).meetsOwaspMinimum());
        assertFalse(new Argon2Cost(8192, 4, 1).meetsOwaspMinimum());
    }

    @Test
    void phcStringRoundTrips() {
        EncodedPasswordHash encoded = new EncodedPasswordHash(new Argon2Cost(19456, 2, 1), salt, new byte[32]);
        String text = encoded.encode();
        assertEquals("$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", text);
        EncodedPasswordHash parsed = EncodedPasswordHash.parse(text);
        assertEquals(encoded.cost(), parsed.cost());
        assertArrayEquals(salt, parsed.salt());
    }
}

package fi.city.login.events;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.keys.AesKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedTokenTest {

    private static final PublicKey DEV_PUBLIC = SealedToken.publicKey("../dev-keys/link-token-public.pem");
    private static final PrivateKey DEV_PRIVATE = SealedToken.privateKey("../dev-keys/link-token-private.pem");
    private static final String BINDING = "what the email is, to whom, until when";

    @Test
    void sealsToAnX25519KeyWithEcdhEsAndOpensWithItsPrivateHalf() {
        String sealed = SealedToken.seal("raw-token", BINDING, DEV_PUBLIC);

        assertTrue(header(sealed).contains("\"alg\":\"ECDH-ES\""), header(sealed));
        assertTrue(header(sealed).contains("\"enc\":\"A256GCM\""), header(sealed));
        assertEquals("raw-token", SealedToken.open(sealed, BINDING, List.of(DEV_PRIVATE)));
    }

    @Test
    void opensATokenSealedToThePreviousRsaKeyDuringASwitch() throws Exception {
        KeyPair previous = pair("RSA");
        String sealedBefore = SealedToken.seal("sealed-before-the-switch", BINDING, previous.getPublic());

        assertTrue(header(sealedBefore).contains("\"alg\":\"RSA-OAEP-256\""), header(sealedBefore));
        List<PrivateKey> keys = List.of(DEV_PRIVATE, previous.getPrivate());
        assertEquals("sealed-before-the-switch", SealedToken.open(sealedBefore, BINDING, keys));
        assertEquals("sealed-after", SealedToken.open(SealedToken.seal("sealed-after", BINDING, DEV_PUBLIC), BINDING, keys));
    }

    @Test
    void opensWithWhicheverOfTwoX25519KeysItWasSealedTo() throws Exception {
        KeyPair previous = pair("X25519");

        String sealed = SealedToken.seal("to-the-previous-key", BINDING, previous.getPublic());

        assertEquals("to-the-previous-key", SealedToken.open(sealed, BINDING, List.of(DEV_PRIVATE, previous.getPrivate())));
    }

    @Test
    void refusesATokenSealedToAnotherKey() throws Exception {
        String sealed = SealedToken.seal("not-for-us", BINDING, pair("X25519").getPublic());

        assertThrows(IllegalArgumentException.class, () -> SealedToken.open(sealed, BINDING, List.of(DEV_PRIVATE)));
    }

    @Test
    void refusesATamperedToken() {
        String sealed = SealedToken.seal("raw-token", BINDING, DEV_PUBLIC);
        String[] parts = sealed.split("\\.");
        char first = parts[3].charAt(0);
        parts[3] = (first == 'A' ? 'B' : 'A') + parts[3].substring(1);

        assertThrows(IllegalArgumentException.class,
                () -> SealedToken.open(String.join(".", parts), BINDING, List.of(DEV_PRIVATE)));
    }

    /** Whoever can write to the topic cannot re-address a resident's link: the seal names its email. */
    @Test
    void opensOnlyForTheEmailItWasSealedFor() {
        java.util.UUID account = java.util.UUID.randomUUID();
        java.time.Instant expires = java.time.Instant.parse("2026-12-14T10:00:00Z");
        String sealed = SealedToken.seal("link", PasswordResetRequested.sealBinding(account, "erkki@example.com",
                PasswordResetRequested.Purpose.FIRST_LOGIN, expires), DEV_PUBLIC);
        assertEquals("link", SealedToken.open(sealed, PasswordResetRequested.sealBinding(account, "Erkki@Example.com",
                PasswordResetRequested.Purpose.FIRST_LOGIN, expires), List.of(DEV_PRIVATE)), "the address's case does not matter");
        for (String other : List.of(
                PasswordResetRequested.sealBinding(account, "hyokkaaja@example.com", PasswordResetRequested.Purpose.FIRST_LOGIN, expires),
                PasswordResetRequested.sealBinding(java.util.UUID.randomUUID(), "erkki@example.com",
                        PasswordResetRequested.Purpose.FIRST_LOGIN, expires),
                PasswordResetRequested.sealBinding(account, "erkki@example.com", PasswordResetRequested.Purpose.NEW_ACCOUNT, expires),
                PasswordResetRequested.sealBinding(account, "erkki@example.com", PasswordResetRequested.Purpose.FIRST_LOGIN,
                        expires.plusSeconds(86400)),
                EmailAddressChange.sealBinding(account, "erkki@example.com", EmailAddressChange.Stage.ASKED, expires))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SealedToken.open(sealed, other, List.of(DEV_PRIVATE)));
            assertEquals("the link token was sealed for another email", refused.getMessage());
        }
    }

    @Test
    void refusesAlgorithmsOtherThanTheTwoItSealsWith() throws Exception {
        // "dir" with a key the attacker chose: no private key of ours is a symmetric one, nothing opens
        JsonWebEncryption forged = new JsonWebEncryption();
        forged.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        forged.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        forged.setKey(new AesKey(new byte[32]));
        forged.setPayload("forged");

        assertThrows(IllegalArgumentException.class,
                () -> SealedToken.open(forged.getCompactSerialization(), BINDING, List.of(DEV_PRIVATE)));
        assertThrows(IllegalArgumentException.class, () -> SealedToken.open("not a jwe", BINDING, List.of(DEV_PRIVATE)));
    }

    @Test
    void readsRsaPemFilesAndRefusesOtherKeyTypes(@TempDir Path folder) throws Exception {
        KeyPair rsa = pair("RSA");
        Path rsaPublic = write(folder.resolve("rsa-public.pem"), "PUBLIC KEY", rsa.getPublic().getEncoded());
        Path rsaPrivate = write(folder.resolve("rsa-private.pem"), "PRIVATE KEY", rsa.getPrivate().getEncoded());
        Path ecPrivate = write(folder.resolve("ec-private.pem"), "PRIVATE KEY", pair("EC").getPrivate().getEncoded());

        String sealed = SealedToken.seal("rsa", BINDING, SealedToken.publicKey(rsaPublic.toString()));
        assertEquals("rsa", SealedToken.open(sealed, BINDING, List.of(SealedToken.privateKey(rsaPrivate.toString()))));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SealedToken.privateKey(ecPrivate.toString()));
        assertTrue(refused.getMessage().contains("is not an X25519 or RSA"), refused.getMessage());
    }

    private static KeyPair pair(String algorithm) throws Exception {
        return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    }

    private static String header(String sealed) {
        return new String(Base64.getUrlDecoder().decode(sealed.substring(0, sealed.indexOf('.'))), StandardCharsets.UTF_8);
    }

    private static Path write(Path file, String type, byte[] der) throws Exception {
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
    }
}

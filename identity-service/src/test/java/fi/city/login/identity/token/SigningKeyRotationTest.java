package fi.city.login.identity.token;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key rotated out keeps verifying the tokens it signed, and stays in the JWKS, while it is listed; one
 * Secret mounted as a folder holds the active key and the others.
 */
class SigningKeyRotationTest {

    private static final String ISSUER = "https://login.city.example";

    @Test
    void aTokenOfThePreviousKeyStillVerifiesAndBothKeysArePublished() throws Exception {
        KeyPair previous = rsa();
        Path pem = Files.createTempFile("previous-signing-key", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(previous.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        SigningKeys keys = new SigningKeys(config(Optional.of(List.of(pem.toString()))));
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, config(Optional.empty()));

        assertEquals(2, ((List<?>) keys.jwks().get("keys")).size());
        assertTrue(verifier.verify(clientToken(previous, "kid-of-the-previous-key-does-not-matter")).isEmpty(),
                "a token must name its key");
        String previousKid = keys.verificationKeys().get(1).getKeyId();
        assertEquals(Optional.of(new AccessTokenVerifier.Client("asiointihistoria", List.of("accounts:read"))),
                verifier.verify(clientToken(previous, previousKid)));

        SigningKeys withoutIt = new SigningKeys(config(Optional.empty()));
        assertTrue(new AccessTokenVerifier(withoutIt, config(Optional.empty())).verify(clientToken(previous, previousKid)).isEmpty(),
                "once the previous key is dropped, its tokens are refused");
    }

    @Test
    void oneSecretFolderHoldsTheActiveKeyAndTheOthersEachPublishedOnce() throws Exception {
        KeyPair active = rsa();
        KeyPair previous = rsa();
        KeyPair next = rsa();
        Path secret = Files.createTempDirectory("identity-signing-keys");
        Files.writeString(secret.resolve("signing-key.pem"), pem("PRIVATE KEY", active.getPrivate().getEncoded()));
        Files.writeString(secret.resolve("previous-signing-key.pem"), pem("PRIVATE KEY", previous.getPrivate().getEncoded()));
        Files.writeString(secret.resolve("next-signing-key.pem"), pem("PUBLIC KEY", next.getPublic().getEncoded()));
        // What Kubernetes adds to a mounted Secret, and a stray file: neither is a key.
        Files.createDirectory(secret.resolve("..data"));
        Files.writeString(secret.resolve("..data/ignored.pem"), "not a key");
        Files.writeString(secret.resolve("README"), "not a key");

        SigningKeys keys = new SigningKeys(config(Optional.of(secret.resolve("signing-key.pem").toString()),
                Optional.of(List.of(secret.toString()))));

        List<String> published = keys.verificationKeys().stream().map(key -> key.getKeyId()).toList();
        assertEquals(3, published.size(), "the active key once, and the previous and next keys: " + published);
        assertEquals(keys.keyId(), published.get(0), "the active key comes first");
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, config(Optional.empty()));
        for (KeyPair signer : List.of(active, previous)) {
            String kid = keys.verificationKeys().stream().filter(key -> key.getKey().equals(signer.getPublic()))
                    .findFirst().orElseThrow().getKeyId();
            assertTrue(verifier.verify(clientToken(signer, kid)).isPresent(), "a token of every listed key verifies");
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String clientToken(KeyPair signer, String keyId) {
        return Jwt.issuer(ISSUER).subject("asiointihistoria").audience(ISSUER).expiresAt(Instant.now().plus(Duration.ofMinutes(5)))
                .claim("client_id", "asiointihistoria").claim("scope", "accounts:read")
                .jws().keyId(keyId).algorithm(SignatureAlgorithm.RS256).header("typ", "at+jwt").sign(signer.getPrivate());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static TokenConfig config(Optional<List<String>> previousKeys) {
        return config(Optional.empty(), previousKeys);
    }

    private static TokenConfig config(Optional<String> signingKey, Optional<List<String>> previousKeys) {
        return new TokenConfig() {
            public String issuer() { return ISSUER; }
            public Duration accessTokenLifetime() { return Duration.ofMinutes(5); }
            public String residentAudience() { return "city-e-services"; }
            public Optional<String> signingKeyLocation() { return signingKey; }
            public Optional<List<String>> previousKeyLocations() { return previousKeys; }
            public boolean allowEphemeralSigningKey() { return true; }
        };
    }
}

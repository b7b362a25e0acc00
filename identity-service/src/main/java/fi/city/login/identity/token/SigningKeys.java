package fi.city.login.identity.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The RSA key that signs access tokens, its key id, and its public half as a JWKS for other city
 * systems, with the keys rotated in or out beside it. Production mounts them from one Secret (the active
 * key and the previous or next ones, {@code docs/operations.md} "Rotating the signing key"); the local
 * stack and tests may let the service make a throwaway key at start.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final KeyPair keyPair;
    private final String keyId;
    /** Public keys that signed tokens recently: still verified and published while those tokens live. */
    private final List<RSAPublicKey> previousKeys;

    public SigningKeys(TokenConfig config) {
        this.keyPair = config.signingKeyLocation().map(SigningKeys::load).orElseGet(() -> {
            if (!config.allowEphemeralSigningKey()) {
                throw new IllegalStateException("identity.token.signing-key-location is not set: configure the "
                        + "signing key (IDENTITY_TOKEN_SIGNING_KEY_LOCATION), or allow a throwaway key for local use");
            }
            LOG.warn("Signing access tokens with a throwaway key made at start: for local use only");
            return generate();
        });
        this.keyId = thumbprint((RSAPublicKey) keyPair.getPublic());
        // The active key may sit in a listed folder too (one Secret holds them all): published once.
        Map<String, RSAPublicKey> others = new LinkedHashMap<>();
        config.previousKeyLocations().orElse(List.of()).stream().flatMap(SigningKeys::pemFiles).map(SigningKeys::loadPublic)
                .forEach(key -> others.putIfAbsent(thumbprint(key), key));
        others.remove(keyId);
        this.previousKeys = List.copyOf(others.values());
        LOG.infof("Signing with key %s; also accepting and publishing %s", keyId, others.keySet());
    }

    public java.security.PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public String keyId() {
        return keyId;
    }

    /** The JWKS document: the public half of the current key, then of the previous ones. */
    public Map<String, Object> jwks() {
        return Map.of("keys", verificationKeys().stream()
                .map(jwk -> jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
    }

    /**
     * Every key a token of ours may be signed with, by key id: the current one and those rotated out
     * recently, so that a rotation rejects no token still in flight.
     */
    public List<JsonWebKey> verificationKeys() {
        List<JsonWebKey> keys = new ArrayList<>();
        keys.add(jwk((RSAPublicKey) keyPair.getPublic()));
        previousKeys.forEach(previous -> keys.add(jwk(previous)));
        return keys;
    }

    private static JsonWebKey jwk(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(thumbprint(key));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }

    /**
     * A listed file, or every {@code .pem} file of a listed folder (a mounted Secret; Kubernetes' own
     * {@code ..data} entries start with a dot and are skipped).
     */
    private static Stream<Path> pemFiles(String location) {
        Path path = Path.of(location);
        if (!Files.isDirectory(path)) {
            return Stream.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".pem") && !name.startsWith(".") && Files.isRegularFile(file);
            }).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the signing keys in " + location, e);
        }
    }

    /** The public half of a PEM file holding either an X.509 public key or a PKCS#8 private key. */
    private static RSAPublicKey loadPublic(Path location) {
        try {
            String pem = Files.readString(location);
            if (pem.contains("PRIVATE KEY-----")) {
                return (RSAPublicKey) load(location.toString()).getPublic();
            }
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key at " + location, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("the key at " + location + " is not an X.509 RSA public key nor a PKCS#8 RSA key", e);
        }
    }

    private static KeyPair load(String location) {
        try {
            String pem = Files.readString(Path.of(location));
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key at " + location, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("the signing key at " + location + " is not a PKCS#8 RSA key", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    /** A stable key id derived from the public key, so that rotating keys changes it by itself. */
    private static String thumbprint(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

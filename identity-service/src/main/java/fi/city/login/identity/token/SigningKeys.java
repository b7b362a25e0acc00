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
import java.util.Base64;
import java.util.Map;

/**
 * The RSA key that signs access tokens, its key id, and its public half as a JWKS for other city
 * systems. Production mounts a PKCS#8 PEM file from a Secret; the local stack and tests may let the
 * service make a throwaway key at start.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final KeyPair keyPair;
    private final String keyId;

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
    }

    public java.security.PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public java.security.PublicKey publicKey() {
        return keyPair.getPublic();
    }

    public String keyId() {
        return keyId;
    }

    /** The JWKS document: the public key only. */
    public Map<String, Object> jwks() {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keyPair.getPublic());
        jwk.setKeyId(keyId);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return Map.of("keys", java.util.List.of(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
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

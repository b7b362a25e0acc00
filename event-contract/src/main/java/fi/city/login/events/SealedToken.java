package fi.city.login.events;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A password link's raw token, sealed for notification-service alone: a JWE (RSA-OAEP-256 with
 * A256GCM) to the RSA public key whose private half only notification-service holds. Whoever reads the
 * topic, its dead-letter topic, a log or a backup sees nothing that sets a password.
 */
public final class SealedToken {

    private static final AlgorithmConstraints KEY_ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
    private static final AlgorithmConstraints CONTENT_ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);

    private SealedToken() {
    }

    /** identity-service: seals the token to notification-service's public key. */
    public static String seal(String token, PublicKey recipient) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKey(recipient);
            jwe.setPayload(token);
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("the link token could not be sealed", e);
        }
    }

    /** notification-service: opens a sealed token with its private key; fails on anything else. */
    public static String open(String sealed, PrivateKey key) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(KEY_ALGORITHMS);
            jwe.setContentEncryptionAlgorithmConstraints(CONTENT_ALGORITHMS);
            jwe.setCompactSerialization(sealed);
            jwe.setKey(key);
            return jwe.getPayload();
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a link token sealed to this key", e);
        }
    }

    /** Reads a PEM file with an RSA public key ("BEGIN PUBLIC KEY", X.509). */
    public static PublicKey publicKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pem(location, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(location + " is not an RSA public key", e);
        }
    }

    /** Reads a PEM file with an RSA private key ("BEGIN PRIVATE KEY", PKCS#8). */
    public static PrivateKey privateKey(String location) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(location, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(location + " is not a PKCS#8 RSA private key", e);
        }
    }

    private static byte[] pem(String location, String type) {
        try {
            String text = Files.readString(Path.of(location));
            return Base64.getMimeDecoder().decode(text.replace("-----BEGIN " + type + "-----", "")
                    .replace("-----END " + type + "-----", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}

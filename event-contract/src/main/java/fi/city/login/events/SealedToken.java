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
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * An emailed link's raw token, sealed for notification-service alone: a JWE (A256GCM) to the public key
 * whose private half only notification-service holds. Whoever reads the topic, its dead-letter topic, a
 * log or a backup sees nothing that sets a password.
 *
 * <p>The seal is bound to the email it belongs in: the SHA-256 of the event's binding (its account, its
 * address, what the link is for and its expiry, {@code sealBinding()} of each event) is in the JWE's
 * protected header, which AES-GCM authenticates with the token. notification-service opens a token only
 * for the event whose fields it was sealed with, so whoever can write to the topic cannot re-address a
 * resident's link to themselves.
 *
 * <p>The key is X25519 (key agreement ECDH-ES): opening costs notification-service about 0.25 ms of CPU
 * per email on C1, where an RSA private key costs 8 ms (bench/README.md). RSA keys (RSA-OAEP-256) are still
 * read, so that tokens sealed before a deployment switched its keys open during the switch.
 */
public final class SealedToken {

    private static final AlgorithmConstraints KEY_ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            KeyManagementAlgorithmIdentifiers.ECDH_ES, KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
    private static final AlgorithmConstraints CONTENT_ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
    /** The key types a PEM file may hold, in the order they are tried. */
    private static final List<String> KEY_TYPES = List.of("XDH", "RSA");

    private SealedToken() {
    }

    /** The protected header that names the email a token was sealed for, by the SHA-256 of its binding. */
    static final String BINDING_HEADER = "lnk";

    /**
     * identity-service: seals the token to notification-service's public key (X25519, or RSA), bound to
     * the email it will ride in.
     *
     * @param binding the event's {@code sealBinding()}: what the email is, to whom, until when
     */
    public static String seal(String token, String binding, PublicKey recipient) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(keyAlgorithm(recipient));
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setHeader(BINDING_HEADER, digest(binding));
            jwe.setKey(recipient);
            jwe.setPayload(token);
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("the link token could not be sealed", e);
        }
    }

    /**
     * notification-service: opens a sealed token with whichever of its private keys it was sealed to (the
     * current one and, during a key switch, the previous ones), if it was sealed for the email whose
     * binding is given; fails on anything else (a token of another email, or one sealed without a binding).
     */
    public static String open(String sealed, String binding, List<PrivateKey> keys) {
        try {
            String algorithm = parse(sealed).getAlgorithmHeaderValue();
            for (PrivateKey key : keys) {
                if (keyAlgorithm(key).equals(algorithm)) {
                    try {
                        JsonWebEncryption jwe = parse(sealed);
                        jwe.setKey(key);
                        String token = jwe.getPayload();
                        // Read after the payload: only then has AES-GCM authenticated the header.
                        if (!digest(binding).equals(jwe.getHeader(BINDING_HEADER))) {
                            throw new IllegalArgumentException("the link token was sealed for another email");
                        }
                        return token;
                    } catch (JoseException wrongKey) {
                        // AES-GCM authenticates the token: with a wrong key it fails here, and the next key is tried
                    }
                }
            }
        } catch (JoseException notAJwe) {
            throw new IllegalArgumentException("not a sealed link token", notAJwe);
        }
        throw new IllegalArgumentException("not a link token sealed to these keys");
    }

    private static String digest(String binding) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(binding.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static JsonWebEncryption parse(String sealed) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(KEY_ALGORITHMS);
        jwe.setContentEncryptionAlgorithmConstraints(CONTENT_ALGORITHMS);
        jwe.setCompactSerialization(sealed);
        return jwe;
    }

    /** Reads a PEM file with an X25519 or RSA public key ("BEGIN PUBLIC KEY", X.509). */
    public static PublicKey publicKey(String location) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(pem(location, "PUBLIC KEY"));
        return read(location, "public key", type -> KeyFactory.getInstance(type).generatePublic(spec));
    }

    /** Reads a PEM file with an X25519 or RSA private key ("BEGIN PRIVATE KEY", PKCS#8). */
    public static PrivateKey privateKey(String location) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pem(location, "PRIVATE KEY"));
        return read(location, "PKCS#8 private key", type -> KeyFactory.getInstance(type).generatePrivate(spec));
    }

    private static String keyAlgorithm(Key key) {
        if (key instanceof XECKey) {
            return KeyManagementAlgorithmIdentifiers.ECDH_ES;
        }
        if (key instanceof RSAKey) {
            return KeyManagementAlgorithmIdentifiers.RSA_OAEP_256;
        }
        throw new IllegalArgumentException("link tokens are sealed to an X25519 or RSA key, not " + key.getAlgorithm());
    }

    private interface KeyReader<K> {
        K read(String type) throws GeneralSecurityException;
    }

    private static <K> K read(String location, String what, KeyReader<K> reader) {
        for (String type : KEY_TYPES) {
            try {
                return reader.read(type);
            } catch (GeneralSecurityException notThisType) {
                // the next type is tried
            }
        }
        throw new IllegalStateException(location + " is not an X25519 or RSA " + what);
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

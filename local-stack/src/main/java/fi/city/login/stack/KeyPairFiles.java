package fi.city.login.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh key pair in PEM files (X.509 public, PKCS#8 private), made at each start of the local stack and
 * deleted when it stops, as each service would get its key from its own Secret in production: the X25519
 * pair that seals password-link tokens (identity-service gets the public half, notification-service the
 * private one), and the RSA key that signs access tokens, which every identity-service replica shares.
 */
final class KeyPairFiles implements AutoCloseable {

    private final Path directory;

    private KeyPairFiles(Path directory) {
        this.directory = directory;
    }

    /** @param algorithm "RSA" (2048 bits) or "X25519" */
    static KeyPairFiles make(String purpose, String algorithm) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("RSA")) {
            generator.initialize(2048);
        }
        KeyPair pair = generator.generateKeyPair();
        KeyPairFiles keys = new KeyPairFiles(Files.createTempDirectory(purpose + "-keys"));
        Files.writeString(keys.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(keys.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return keys;
    }

    Path publicKey() {
        return directory.resolve("public.pem");
    }

    Path privateKey() {
        return directory.resolve("private.pem");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

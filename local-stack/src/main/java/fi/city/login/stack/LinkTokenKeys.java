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
 * A fresh key pair for sealing password-link tokens, made at each start of the local stack and deleted
 * when it stops: identity-service gets the public half, notification-service the private one, as each
 * would get them from its own Secret in production.
 */
final class LinkTokenKeys implements AutoCloseable {

    private final Path directory;

    private LinkTokenKeys(Path directory) {
        this.directory = directory;
    }

    static LinkTokenKeys make() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        LinkTokenKeys keys = new LinkTokenKeys(Files.createTempDirectory("link-token-keys"));
        Files.writeString(keys.publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(keys.privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        return keys;
    }

    Path publicKey() {
        return directory.resolve("link-token-public.pem");
    }

    Path privateKey() {
        return directory.resolve("link-token-private.pem");
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

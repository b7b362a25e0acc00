package fi.city.login.identity.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The breached-password filter against a small generated corpus in Have I Been Pwned's format. */
class BreachedPasswordsTest {

    @Test
    void everyPasswordOfTheCorpusIsRefusedAndFewOthersAre(@TempDir Path dir) throws Exception {
        List<String> breached = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String password = "vuotanut-" + UUID.randomUUID();
            breached.add(password);
            lines.add(HexFormat.of().withUpperCase().formatHex(sha1(password)) + ":" + (1 + i % 97));
        }
        Path corpus = dir.resolve("pwned-passwords-sha1-ordered-by-count.txt");
        Files.write(corpus, lines);
        BreachedPasswords filter = new BreachedPasswords(config(Optional.of(corpus.toString())));

        assertTrue(breached.stream().allMatch(filter::contains), "a breached password is never let through");
        long falsePositives = 0;
        for (int i = 0; i < 20_000; i++) {
            falsePositives += filter.contains("ei-vuotanut-" + UUID.randomUUID()) ? 1 : 0;
        }
        // 20,000 tries at a rate of 0.001 expect 20; a filter that stopped filtering would answer thousands.
        assertTrue(falsePositives < 60, falsePositives + " false positives");
        assertTrue(filter.contains("123qweasdzxc"), "the bundled list is there too");
        assertFalse(filter.contains("vihreä polkupyörä ja kuusi kuppia"));
    }

    @Test
    void aCorpusLineThatIsNoDigestStopsTheStart(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("broken.txt");
        Files.writeString(corpus, "0123456789ABCDEF0123456789ABCDEF01234567:3\nnot-a-digest:1\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new BreachedPasswords(config(Optional.of(corpus.toString()))));
        assertEquals("not a SHA-1 hex digest: line 2 of the corpus", refused.getMessage());
    }

    @Test
    void theFiltersSizeIsAsStated() {
        assertEquals(1_797_000, BreachedPasswords.filterBits(1_000_000, 0.001) / 8, 1_000, "about 1.8 MB per million entries");
    }

    static PasswordConfig config(Optional<String> corpus) {
        return new PasswordConfig() {
            public int minLength() { return 12; }
            public int maxLength() { return 128; }
            public Argon2 argon2() { return null; }
            public Hashing hashing() { return null; }
            public Breached breached() {
                return new Breached() {
                    public Optional<String> corpusLocation() { return corpus; }
                    public long maxEntries() { return 1_000_000; }
                    public long expectedEntries() { return 60_000; }
                    public double falsePositiveRate() { return 0.001; }
                };
            }
        };
    }

    private static byte[] sha1(String password) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
    }
}

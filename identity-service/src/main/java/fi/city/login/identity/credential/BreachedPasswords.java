package fi.city.login.identity.credential;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passwords known from breaches (ASVS 2.1.7, NIST SP 800-63B 5.1.1.2), checked offline: no call leaves the
 * city's network. At start the corpus is compiled into a Bloom filter of SHA-1 digests: the 30,000 common
 * passwords that zxcvbn ships (its {@code passwords.txt}, from Mark Burnett's 10-million-password release;
 * zxcvbn4j, MIT licence), and the file ops provide, if any ({@code identity.password.breached.corpus-location}:
 * Have I Been Pwned's SHA-1 list, {@code HASH:count} lines, or any list of SHA-1 hex digests, one a line).
 * The filter takes about {@code -n·ln(p)/ln(2)²} bits for n entries at false-positive rate p: 1.8 MB per
 * million entries at the default p of 0.001. A false positive refuses a password that was never
 * breached, one in a thousand; a breached one is never let through.
 */
@ApplicationScoped
@Startup
public class BreachedPasswords {

    private static final Logger LOG = Logger.getLogger(BreachedPasswords.class);
    private static final String BUNDLED = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final BloomFilter<byte[]> digests;

    public BreachedPasswords(PasswordConfig config) {
        PasswordConfig.Breached breached = config.breached();
        this.digests = BloomFilter.create(Funnels.byteArrayFunnel(), breached.expectedEntries(), breached.falsePositiveRate());
        long bundled = readBundled();
        long provided = breached.corpusLocation().map(location -> readCorpus(Path.of(location), breached.maxEntries())).orElse(0L);
        LOG.infof("breached passwords: %d bundled and %d from the corpus, in a filter of about %d KiB at a false-positive rate of %s",
                bundled, provided, filterBits(breached.expectedEntries(), breached.falsePositiveRate()) / 8 / 1024,
                breached.falsePositiveRate());
    }

    /** Whether the password is in the corpus (or, at the filter's rate, looks as if it were). */
    public boolean contains(String password) {
        return digests.mightContain(sha1(password));
    }

    private long readBundled() {
        try (InputStream in = BreachedPasswords.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing: the zxcvbn jar is not on the class path");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), Long.MAX_VALUE, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long readCorpus(Path file, long maxEntries) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return read(reader, maxEntries, true);
        } catch (IOException e) {
            throw new UncheckedIOException("the breached-password corpus " + file + " could not be read", e);
        }
    }

    /** @param hashed lines are SHA-1 hex digests (with an optional {@code :count}); otherwise passwords */
    private long read(BufferedReader reader, long maxEntries, boolean hashed) throws IOException {
        long entries = 0;
        for (String line = reader.readLine(); line != null && entries < maxEntries; line = reader.readLine()) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (hashed) {
                int colon = entry.indexOf(':');
                String hex = colon < 0 ? entry : entry.substring(0, colon);
                if (hex.length() != 40) {
                    throw new IllegalStateException("not a SHA-1 hex digest: line " + (entries + 1) + " of the corpus");
                }
                digests.put(HexFormat.of().parseHex(hex));
            } else {
                digests.put(sha1(entry));
            }
            entries++;
        }
        return entries;
    }

    static long filterBits(long entries, double falsePositiveRate) {
        return (long) Math.ceil(-entries * Math.log(falsePositiveRate) / (Math.log(2) * Math.log(2)));
    }

    private static byte[] sha1(String password) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}

package fi.city.login.identity.credential;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;

/**
 * Hashes and verifies passwords with Argon2id on the {@link HashingPool}. Uses libargon2 where it
 * loads (1.3–3× faster here) and Bouncy Castle otherwise; both give the same bytes, so hashes move
 * freely between them.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final HashingPool pool;
    private final Argon2Cost cost;
    private final Argon2Engine engine;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when an account is unknown, so that the answer takes as long as a real check. */
    private final String decoyHash;

    public PasswordHasher(HashingPool pool, PasswordConfig config) {
        this.pool = pool;
        this.cost = new Argon2Cost(config.argon2().memoryKib(), config.argon2().iterations(),
                config.argon2().parallelism());
        if (!cost.meetsOwaspMinimum()) {
            throw new IllegalStateException("identity.password.argon2 " + cost + " is weaker than OWASP's minimum "
                    + "(e.g. 19456 KiB with 2 iterations, or 7168 KiB with 5)");
        }
        this.engine = loadFastestEngine();
        this.decoyHash = hashNow("decoy password that no account has");
        LOG.infof("Argon2id on %s: m=%d KiB, t=%d, p=%d", engine.name(), cost.memoryKib(), cost.iterations(),
                cost.parallelism());
    }

    private static Argon2Engine loadFastestEngine() {
        try {
            return new NativeArgon2Engine();
        } catch (Throwable e) { // UnsatisfiedLinkError and friends: no native library for this platform
            LOG.warnf("libargon2 did not load (%s); hashing with Bouncy Castle instead", e.toString());
            return new BouncyCastleArgon2Engine();
        }
    }

    public Uni<String> hash(String password) {
        return pool.submit(() -> hashNow(password));
    }

    /** Checks a password against a stored hash; tells also whether the hash should be redone with today's cost. */
    public Uni<Verification> verify(String password, String storedHash) {
        return pool.submit(() -> verifyNow(password, storedHash));
    }

    /** Spends the time of one verification, for an identifier that has no password to compare with. */
    public Uni<Verification> verifyAgainstDecoy(String password) {
        return verify(password, decoyHash).map(ignored -> Verification.FAILED);
    }

    private String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new EncodedPasswordHash(cost, salt, engine.hash(bytes(password), salt, cost, HASH_BYTES)).encode();
    }

    private Verification verifyNow(String password, String storedHash) {
        EncodedPasswordHash stored = EncodedPasswordHash.parse(storedHash);
        byte[] actual = engine.hash(bytes(password), stored.salt(), stored.cost(), stored.hash().length);
        if (!MessageDigest.isEqual(actual, stored.hash())) {
            return Verification.FAILED;
        }
        return stored.cost().equals(cost) ? Verification.MATCHED : Verification.MATCHED_NEEDS_REHASH;
    }

    /** NIST SP 800-63B: normalise Unicode (NFKC) so that the same password typed on any keyboard matches. */
    private static byte[] bytes(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
    }


    public enum Verification {
        MATCHED, MATCHED_NEEDS_REHASH, FAILED;

        public boolean matched() {
            return this != FAILED;
        }
    }
}

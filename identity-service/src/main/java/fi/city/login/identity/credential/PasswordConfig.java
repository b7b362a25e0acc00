package fi.city.login.identity.credential;

import fi.city.login.identity.api.PasswordPolicyView;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;
import java.util.OptionalInt;

/** Password policy and hashing, under {@code identity.password}. */
@ConfigMapping(prefix = "identity.password")
public interface PasswordConfig {

    /** NIST SP 800-63B: length, not composition. Counted in Unicode code points. */
    @WithDefault(PasswordPolicyView.DEFAULT_MIN_LENGTH)
    int minLength();

    @WithDefault(PasswordPolicyView.DEFAULT_MAX_LENGTH)
    int maxLength();

    Argon2 argon2();

    Breached breached();

    /** The breached-password corpus, compiled at start ({@link BreachedPasswords}). */
    interface Breached {
        /** A file of SHA-1 hex digests, one a line ({@code HASH} or {@code HASH:count}, as HIBP's); none: the bundled list only. */
        Optional<String> corpusLocation();

        /** At most this many lines of the corpus are taken (HIBP's file ordered by prevalence: the most common first). */
        @WithDefault("100000000")
        long maxEntries();

        /** The filter is sized for this many entries; past it the false-positive rate grows. */
        @WithDefault("1000000")
        long expectedEntries();

        @WithDefault("0.001")
        double falsePositiveRate();
    }

    Hashing hashing();

    /** Argon2id cost. The defaults are OWASP's minimum (19 MiB, 2 iterations, 1 lane). */
    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    /** The bounded pool that hashing runs on, so that a burst of logins cannot exhaust memory. */
    interface Hashing {
        /** Threads hashing at once; empty means one per core. */
        OptionalInt threads();

        /** Hashes allowed to wait for a thread; beyond it the request is refused with 503. */
        @WithDefault("64")
        int queue();
    }
}

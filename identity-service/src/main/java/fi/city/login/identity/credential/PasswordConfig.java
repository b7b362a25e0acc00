package fi.city.login.identity.credential;

import fi.city.login.identity.api.PasswordPolicyView;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

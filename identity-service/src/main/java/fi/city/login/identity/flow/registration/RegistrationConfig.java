package fi.city.login.identity.flow.registration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Registration, under {@code identity.registration}. */
@ConfigMapping(prefix = "identity.registration")
public interface RegistrationConfig {

    /**
     * A registered account whose first password was never set is removed after this long (the
     * first-login link's lifetime), with its links: an address typed by someone else does not stay taken.
     */
    @WithDefault("P7D")
    Duration unconfirmedLifetime();

    /** How often the removal runs; every replica may run it, the statements are idempotent. */
    @WithDefault("1h")
    String cleanupEvery();
}

package fi.city.login.identity.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The portal's login sessions, under {@code identity.session}. */
@ConfigMapping(prefix = "identity.session")
public interface SessionConfig {

    /** A session without "remember me" ends with the browser, and on the server after this. */
    @WithDefault("PT12H")
    Duration browserLifetime();

    /** A "remember me" session. */
    @WithDefault("P30D")
    Duration persistentLifetime();

    /** A session without "remember me" also ends after this long unused. */
    @WithDefault("PT30M")
    Duration browserIdleTimeout();

    /** A "remember me" session also ends after this long unused. */
    @WithDefault("P14D")
    Duration persistentIdleTimeout();
}

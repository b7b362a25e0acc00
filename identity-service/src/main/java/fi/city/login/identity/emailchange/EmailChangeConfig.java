package fi.city.login.identity.emailchange;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Changing an account's email address, under {@code identity.email-change}. */
@ConfigMapping(prefix = "identity.email-change")
public interface EmailChangeConfig {

    /** How long the link to the new address works: long enough to open another mailbox the same day. */
    @WithDefault("PT24H")
    Duration linkLifetime();

    /**
     * At most this many changes asked for per account in an hour (each one an email to an address the
     * resident chose); past it, asking sends nothing and is answered as if it did.
     */
    @WithDefault("5")
    int maxPerAccountPerHour();
}

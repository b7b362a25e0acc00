package fi.city.login.identity.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Password links sent by email, under {@code identity.password-link}. */
@ConfigMapping(prefix = "identity.password-link")
public interface PasswordLinkConfig {

    /** A migrated resident may open the first-login email days later. */
    @WithDefault("P7D")
    Duration firstLoginLifetime();

    /** A forgotten-password link is asked for on the spot, so it can be short. */
    @WithDefault("PT1H")
    Duration forgottenPasswordLifetime();

    /** While a link younger than this is still open, asking again sends no second email. */
    @WithDefault("PT1M")
    Duration resendCooldown();
}

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

    /**
     * At most this many links (and so emails) per account in an hour, however they are asked for; past
     * it, asking sends nothing and voids nothing, and is answered as if a link was sent.
     */
    @WithDefault("5")
    int maxPerAccountPerHour();

    /**
     * PEM file with notification-service's public key (X25519; RSA is still accepted): the link's token is sealed to it in the event
     * ({@code SealedToken}), so that only notification-service can read it.
     */
    String tokenRecipientKeyLocation();
}

package fi.city.login.identity.link;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Every link the suite mails, under {@code identity.link}: lifetimes per kind, limits per account and action. */
@ConfigMapping(prefix = "identity.link")
public interface LinkConfig {

    /** A first-login or new-account link: a migrated resident may open the email days later. */
    @WithDefault("P7D")
    Duration firstLoginLifetime();

    /** A forgotten-password link is asked for on the spot, so it can be short. */
    @WithDefault("PT1H")
    Duration forgottenPasswordLifetime();

    /** The link to a new email address: long enough to open another mailbox the same day. */
    @WithDefault("PT24H")
    Duration emailChangeLifetime();

    /** A login code is typed at once, from the mailbox on the same screen. */
    @WithDefault("PT10M")
    Duration loginCodeLifetime();

    /** Tries of one login code (the code, and the password typed with it), after which it stops working. */
    @WithDefault("5")
    int loginCodeAttempts();

    /** While a link of the same action and address, younger than this, is still open, asking again sends nothing. */
    @WithDefault("PT1M")
    Duration resendCooldown();

    /**
     * At most this many links (and so emails) per account and action in an hour, however they are asked
     * for; past it, asking sends nothing and voids nothing, and is answered as if a link was sent.
     */
    @WithDefault("5")
    int maxPerAccountPerHour();

    /**
     * PEM file with notification-service's public key (X25519; RSA is still accepted): every link's token
     * is sealed to it in its event ({@code SealedToken}), so that only notification-service can read it.
     */
    String tokenRecipientKeyLocation();
}

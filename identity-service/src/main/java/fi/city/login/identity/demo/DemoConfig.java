package fi.city.login.identity.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Demo accounts for the local stack, under {@code identity.demo}. Never enable in production. */
@ConfigMapping(prefix = "identity.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean enabled();

    /** The password of the active demo account; without it, only the migrated one is seeded. */
    Optional<String> activeAccountPassword();

    /**
     * The Base32 secret of the demo account with an authenticator app (local only, published in the README so a
     * newcomer can add it to their app); without it, or without the password above, that account is not seeded.
     */
    Optional<String> secondFactorSecret();
}

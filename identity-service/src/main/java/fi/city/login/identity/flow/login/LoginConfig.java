package fi.city.login.identity.flow.login;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The identifier step, under {@code identity.login}. */
@ConfigMapping(prefix = "identity.login")
public interface LoginConfig {

    /**
     * true (the city's guide): an unknown address is answered NOT_RECOGNISED, so the resident can try
     * another address or register. false: it is answered PASSWORD like a known one, and the password step
     * fails as for a wrong password; only an address of a migrated account still waiting for its first
     * password is told apart, by the link it is sent.
     */
    @WithDefault("true")
    boolean revealUnknownAddresses();

    /**
     * Every identifier-step answer takes at least this long, so that the link written for a migrated
     * account does not make its answer measurably slower than the others.
     */
    @WithDefault("PT0.15S")
    Duration minimumAnswerTime();
}

package fi.city.login.identity.secondfactor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The second factor, under {@code identity.second-factor}. */
@ConfigMapping(prefix = "identity.second-factor")
public interface SecondFactorConfig {

    /** The name an authenticator app shows above the account's codes. */
    @WithDefault("City login")
    String issuerName();

    /** Steps of 30 seconds accepted either side of now: a phone's clock a little off, a code typed as it turned. */
    @WithDefault("1")
    int drift();

    /** Wrong codes in a row before the second factor pauses (someone who has the password is guessing). */
    @WithDefault("5")
    int maxFailures();

    @WithDefault("PT5M")
    Duration pause();

    @WithDefault("10")
    int recoveryCodes();
}

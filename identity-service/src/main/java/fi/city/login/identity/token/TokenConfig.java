package fi.city.login.identity.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Access tokens and the key that signs them, under {@code identity.token}. */
@ConfigMapping(prefix = "identity.token")
public interface TokenConfig {

    /** The {@code iss} claim and the base of the discovery document's URLs. */
    @WithDefault("http://localhost:8081")
    String issuer();

    @WithDefault("PT5M")
    Duration accessTokenLifetime();

    /** PEM file (PKCS#8) of the RSA private key that signs access tokens. */
    Optional<String> signingKeyLocation();

    /**
     * Without a configured key, generate one at start. Only for the local stack and tests: tokens then
     * die with the process and replicas disagree.
     */
    @WithDefault("false")
    boolean allowEphemeralSigningKey();
}

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

    /**
     * The {@code aud} of a resident's access token: the city's e-services that accept it. A city system's
     * token (client credentials) has identity-service's own API as its audience ({@link #issuer()}), so
     * that neither kind is accepted where the other is expected.
     */
    @WithDefault("city-e-services")
    String residentAudience();

    /** PEM file (PKCS#8) of the RSA private key that signs access tokens. */
    Optional<String> signingKeyLocation();

    /**
     * PEM files, or folders of them, of other keys whose tokens are accepted and published in the JWKS
     * besides the signing key's: X.509 "PUBLIC KEY" or PKCS#8 "PRIVATE KEY" (its public half is taken). A
     * folder may hold the signing key itself (one Secret with every key). A rotation without a rejected
     * token: (1) add the next key here on every replica; (2) make it the signing key and keep the old one
     * here; (3) once the old key's last token has expired, drop it ({@code docs/operations.md}).
     */
    Optional<java.util.List<String>> previousKeyLocations();

    /**
     * Without a configured key, generate one at start. Only for the local stack and tests: tokens then
     * die with the process and replicas disagree.
     */
    @WithDefault("false")
    boolean allowEphemeralSigningKey();
}

package fi.city.login.identity.grant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** OpenID Connect, under {@code identity.oidc}. Clients are {@code identity.clients.*}. */
@ConfigMapping(prefix = "identity.oidc")
public interface OidcConfig {

    /**
     * The portal as browsers reach it: it serves the authorization endpoint ({@code /oauth2/authorize}) and
     * the end-session endpoint ({@code /oauth2/logout}), since it owns the login pages and the session cookie.
     */
    @WithDefault("http://localhost:8080")
    String portalUrl();

    /** An authorization code is exchanged by the e-service's back end within seconds of the redirect. */
    @WithDefault("PT1M")
    Duration codeLifetime();
}

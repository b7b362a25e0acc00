package fi.city.login.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Under {@code portal}. The identity-service URL is {@code quarkus.rest-client.identity.url}; the support
 * contact is the suite's ({@code city.support}, {@link fi.city.login.facts.SupportContact}).
 */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    SessionCookie sessionCookie();

    interface SessionCookie {
        /** __Host-: kept by the browser only if Secure, for the whole site, and set by this host alone. */
        @WithDefault("__Host-portal_session")
        String name();

        /** Browsers send Secure cookies only over HTTPS, and to http://localhost. Off only behind no TLS at all. */
        @WithDefault("true")
        boolean secure();
    }
}

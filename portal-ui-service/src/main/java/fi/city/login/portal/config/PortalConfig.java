package fi.city.login.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Under {@code portal}. The identity-service URL is {@code quarkus.rest-client.identity.url}. */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** The city's support contact shown to residents (docs/journey.md, screen 10): configuration, not code. */
    Support support();

    SessionCookie sessionCookie();

    interface Support {
        /** In Finnish; {@link #nameSv()} and {@link #nameEn()} on Swedish and English pages. */
        @WithDefault("Asiointipalvelun tuki")
        String name();

        @WithDefault("E-tjänsternas användarstöd")
        String nameSv();

        @WithDefault("E-service user support")
        String nameEn();

        @WithDefault("09 123 4567")
        String phone();

        @WithDefault("tuki@city.example")
        String email();
    }

    interface SessionCookie {
        /** __Host-: kept by the browser only if Secure, for the whole site, and set by this host alone. */
        @WithDefault("__Host-portal_session")
        String name();

        /** Browsers send Secure cookies only over HTTPS, and to http://localhost. Off only behind no TLS at all. */
        @WithDefault("true")
        boolean secure();
    }
}

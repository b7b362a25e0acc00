package fi.city.login.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Under {@code notification}. The sender address is {@code quarkus.mailer.from}. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** The portal page that sets a password; the link is this plus {@code ?token=...}. */
    @WithDefault("http://localhost:8080/recovery")
    String passwordLinkBase();

    /**
     * PEM file with the RSA private key (PKCS#8) that opens the link tokens identity-service seals to this
     * service. Only this service holds it (a Secret in production).
     */
    String linkTokenKeyLocation();

    /** Link expiry times in emails are shown in this zone. */
    @WithDefault("Europe/Helsinki")
    ZoneId timeZone();
}

package fi.city.login.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Under {@code notification}. The sender address is {@code quarkus.mailer.from}. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /**
     * The portal as residents reach it, without a trailing slash: the links in emails lead to its pages
     * ({@link fi.city.login.facts.PortalRoutes}).
     */
    @WithDefault("http://localhost:8080")
    String portalUrl();

    /**
     * PEM file with the private key (PKCS#8; X25519, or RSA) that opens the link tokens identity-service
     * seals to this service. Only this service holds it (a Secret in production).
     */
    String linkTokenKeyLocation();

    /**
     * PEM files of earlier private keys, kept while tokens sealed to them may still be waiting in Kafka
     * (a key switch, docs/operations.md); empty otherwise.
     */
    Optional<List<String>> linkTokenPreviousKeyLocations();

    /**
     * The hex SHA-256 of the token ops send as {@code Authorization: Bearer …} to make parked emails due
     * ({@code POST /parked-deliveries/resend} on the management port). Without it the route refuses every
     * call: the management port is reachable from the monitoring namespace, which must not send mail.
     */
    Optional<String> opsTokenSha256();

    /** Link expiry times in emails are shown in this zone. */
    @WithDefault("Europe/Helsinki")
    ZoneId timeZone();
}

package fi.city.login.notification.messaging;

import fi.city.login.events.SealedToken;
import fi.city.login.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.PrivateKey;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Opens the links' tokens that identity-service sealed to this service's key (password links, address
 * confirmations), only to write them into the email. A token that opens with none of its keys makes its
 * event poison: it was not meant for us, or it was tampered with.
 */
@ApplicationScoped
public class SealedLinkTokens {

    private final List<PrivateKey> keys;

    public SealedLinkTokens(NotificationConfig config) {
        this.keys = Stream.concat(Stream.of(config.linkTokenKeyLocation()),
                        config.linkTokenPreviousKeyLocations().orElse(List.of()).stream())
                .map(SealedToken::privateKey)
                .toList();
    }

    /** @param event what the token came in, for the poison event's message */
    String open(String sealedToken, String event, UUID eventId) {
        try {
            return SealedToken.open(sealedToken, keys);
        } catch (IllegalArgumentException notForUs) {
            throw new EmailOnce.InvalidEventException(event + " " + eventId + ": the token is not sealed to this service's keys");
        }
    }
}

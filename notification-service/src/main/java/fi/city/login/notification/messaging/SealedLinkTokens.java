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
 * confirmations), only to write them into the email. A token that opens with none of its keys, or that was
 * sealed for another email than the event's, makes its event poison: it was not meant for us, or it was
 * tampered with (re-addressed on the topic).
 */
@ApplicationScoped
public class SealedLinkTokens {

    private final List<PrivateKey> keys;
    private final EmailOnce emailOnce;

    public SealedLinkTokens(NotificationConfig config, EmailOnce emailOnce) {
        this.emailOnce = emailOnce;
        this.keys = Stream.concat(Stream.of(config.linkTokenKeyLocation()),
                        config.linkTokenPreviousKeyLocations().orElse(List.of()).stream())
                .map(SealedToken::privateKey)
                .toList();
    }

    /**
     * @param binding the event's {@code sealBinding()}: a token sealed for another email (re-addressed on the
     *                topic) does not open
     * @param event   what the token came in, for the poison event's message
     */
    String open(String sealedToken, String binding, String event, UUID eventId) {
        try {
            return SealedToken.open(sealedToken, binding, keys);
        } catch (IllegalArgumentException notForUs) {
            throw emailOnce.poison(event, event + " " + eventId + ": " + notForUs.getMessage());
        }
    }
}

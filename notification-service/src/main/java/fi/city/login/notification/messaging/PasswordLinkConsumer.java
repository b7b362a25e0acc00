package fi.city.login.notification.messaging;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.SealedToken;
import fi.city.login.notification.config.NotificationConfig;
import fi.city.login.notification.email.PasswordLinkEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.security.PrivateKey;

/**
 * Sends one email per {@code password-reset-requested} event, effectively once (see {@link EmailOnce}).
 * The link's token arrives sealed to this service's key and is opened only to write the email; an
 * event whose token does not open with it is poison. A link that expired before it could be sent is
 * not mailed.
 */
@ApplicationScoped
public class PasswordLinkConsumer implements EmailEventHandler {

    private final EmailOnce emailOnce;
    private final PasswordLinkEmail email;
    private final PrivateKey linkTokenKey;

    public PasswordLinkConsumer(EmailOnce emailOnce, PasswordLinkEmail email, NotificationConfig config) {
        this.emailOnce = emailOnce;
        this.email = email;
        this.linkTokenKey = SealedToken.privateKey(config.linkTokenKeyLocation());
    }

    @Incoming(PasswordResetRequested.TOPIC)
    public Uni<Void> onEvent(String payload) {
        return handle(payload, EmailOnce.Attempt.WITH_RETRIES);
    }

    @Override
    public String topic() {
        return PasswordResetRequested.TOPIC;
    }

    @Override
    public Uni<Void> handle(String payload, EmailOnce.Attempt attempt) {
        PasswordResetRequested event = emailOnce.read(payload, PasswordResetRequested.class,
                e -> e.version() == PasswordResetRequested.VERSION && e.accountId() != null && e.purpose() != null && e.sealedToken() != null
                        && e.expiresAt() != null);
        String token;
        try {
            token = SealedToken.open(event.sealedToken(), linkTokenKey);
        } catch (IllegalArgumentException notForUs) {
            throw new EmailOnce.InvalidEventException("PasswordResetRequested " + event.eventId()
                    + ": the token is not sealed to this service's key");
        }
        return emailOnce.deliver(new EmailOnce.Received(topic(), payload), event, event.purpose().name(), event.expiresAt(),
                attempt, e -> email.send(e, token));
    }
}

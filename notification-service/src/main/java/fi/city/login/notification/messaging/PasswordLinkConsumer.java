package fi.city.login.notification.messaging;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.notification.email.PasswordLinkEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
    private final SealedLinkTokens tokens;

    public PasswordLinkConsumer(EmailOnce emailOnce, PasswordLinkEmail email, SealedLinkTokens tokens) {
        this.emailOnce = emailOnce;
        this.email = email;
        this.tokens = tokens;
    }

    @Incoming(PasswordResetRequested.TOPIC)
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return handle(EmailOnce.Received.from(record), EmailOnce.Attempt.WITH_RETRIES);
    }

    @Override
    public String topic() {
        return PasswordResetRequested.TOPIC;
    }

    @Override
    public Uni<Void> handle(EmailOnce.Received received, EmailOnce.Attempt attempt) {
        PasswordResetRequested event = emailOnce.read(received.payload(), PasswordResetRequested.class,
                e -> e.version() == PasswordResetRequested.VERSION && e.accountId() != null && e.purpose() != null && e.sealedToken() != null
                        && e.expiresAt() != null);
        String token = tokens.open(event.sealedToken(), event.sealBinding(), "PasswordResetRequested", event.eventId());
        return emailOnce.deliver(received, event, event.purpose().name(), event.expiresAt(),
                attempt, e -> email.send(e, token));
    }
}

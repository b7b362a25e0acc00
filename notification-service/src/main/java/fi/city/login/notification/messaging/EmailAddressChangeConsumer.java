package fi.city.login.notification.messaging;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.notification.email.EmailAddressChangeEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sends one email per {@code email-address-change} event, effectively once (see {@link EmailOnce}). A
 * confirmation link's token arrives sealed to this service's key, as a password link's does; a
 * confirmation that expired before it could be sent is not mailed.
 */
@ApplicationScoped
public class EmailAddressChangeConsumer implements EmailEventHandler {

    private final EmailOnce emailOnce;
    private final EmailAddressChangeEmail email;
    private final SealedLinkTokens tokens;

    public EmailAddressChangeConsumer(EmailOnce emailOnce, EmailAddressChangeEmail email, SealedLinkTokens tokens) {
        this.emailOnce = emailOnce;
        this.email = email;
        this.tokens = tokens;
    }

    @Incoming(EmailAddressChange.TOPIC)
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return handle(EmailOnce.Received.from(record), EmailOnce.Attempt.WITH_RETRIES);
    }

    @Override
    public String topic() {
        return EmailAddressChange.TOPIC;
    }

    @Override
    public Uni<Void> handle(EmailOnce.Received received, EmailOnce.Attempt attempt) {
        EmailAddressChange event = emailOnce.read(received.payload(), EmailAddressChange.class,
                e -> e.version() == EmailAddressChange.VERSION && e.accountId() != null && e.stage() != null
                        && e.otherEmail() != null && e.occurredAt() != null
                        && e.stage().carriesLink() == (e.sealedToken() != null && e.expiresAt() != null));
        String token = event.sealedToken() == null ? null : tokens.open(event.sealedToken(), event.sealBinding(), "EmailAddressChange", event.eventId());
        return emailOnce.deliver(received, event, "EMAIL_" + event.stage().name(), event.expiresAt(), attempt,
                e -> email.send(e, token));
    }
}

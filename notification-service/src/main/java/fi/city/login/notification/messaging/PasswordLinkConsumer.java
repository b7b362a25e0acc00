package fi.city.login.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.notification.delivery.DeliveryLog;
import fi.city.login.notification.email.PasswordLinkEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends one email per {@code password-reset-requested} event. Effectively once: the event id is
 * recorded before the offset is acknowledged, and a redelivered event that was sent is skipped. An
 * event that cannot be read goes to the dead-letter topic; a mail server that is down is retried.
 */
@ApplicationScoped
public class PasswordLinkConsumer {

    private static final Logger LOG = Logger.getLogger(PasswordLinkConsumer.class);

    private final ObjectMapper json;
    private final DeliveryLog deliveries;
    private final PasswordLinkEmail email;

    public PasswordLinkConsumer(ObjectMapper json, DeliveryLog deliveries, PasswordLinkEmail email) {
        this.json = json;
        this.deliveries = deliveries;
        this.email = email;
    }

    @Incoming(PasswordResetRequested.TOPIC)
    public Uni<Void> onEvent(String payload) {
        PasswordResetRequested event = read(payload);
        return deliveries.claim(event).flatMap(decision -> switch (decision) {
            case ALREADY_HANDLED -> {
                LOG.infof("event %s was handled before; no second email", event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case EXPIRED -> {
                LOG.infof("event %s: the link expired before it could be sent", event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case SEND -> email.send(event)
                    .onFailure().invoke(e -> LOG.warnf("event %s: sending failed (%s); retrying", event.eventId(), e.toString()))
                    .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(8)
                    .flatMap(sent -> deliveries.markSent(event))
                    .invoke(() -> LOG.infof("event %s: %s email sent to account %s", event.eventId(), event.purpose(),
                            event.accountId()));
        });
    }

    /** Refuses what is not a version 1 event with every field; the message then goes to the dead-letter topic. */
    private PasswordResetRequested read(String payload) {
        PasswordResetRequested event;
        try {
            event = json.readValue(payload, PasswordResetRequested.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a password-reset-requested event: " + e.getOriginalMessage());
        }
        if (event.version() != PasswordResetRequested.VERSION || event.eventId() == null || event.accountId() == null
                || event.email() == null || !event.email().contains("@") || event.purpose() == null
                || event.token() == null || event.token().isBlank() || event.expiresAt() == null) {
            throw new InvalidEventException("event " + event.eventId() + " lacks a field or has version " + event.version());
        }
        return event;
    }

    /** A poison message: retrying cannot help. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message, null, false, false);
        }
    }
}

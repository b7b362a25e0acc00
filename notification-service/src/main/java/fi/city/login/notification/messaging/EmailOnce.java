package fi.city.login.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.EmailEvent;
import fi.city.login.notification.delivery.DeliveryLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every consumer of an email event does: read and check the event (a poison one fails, and the
 * connector sends it to the dead-letter topic), record its id before sending, skip it if an earlier
 * delivery sent it, retry a mail server that is down, then record it sent.
 */
@ApplicationScoped
public class EmailOnce {

    private static final Logger LOG = Logger.getLogger(EmailOnce.class);

    private final ObjectMapper json;
    private final DeliveryLog deliveries;

    public EmailOnce(ObjectMapper json, DeliveryLog deliveries) {
        this.json = json;
        this.deliveries = deliveries;
    }

    public <T extends EmailEvent> T read(String payload, Class<T> type, Predicate<T> complete) {
        T event;
        try {
            event = json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a " + type.getSimpleName() + " event: " + e.getOriginalMessage());
        }
        if (event.eventId() == null || event.email() == null
                || !event.email().contains("@") || !complete.test(event)) {
            throw new InvalidEventException(type.getSimpleName() + " " + event.eventId() + " lacks a field or has an unknown version");
        }
        return event;
    }

    public <T extends EmailEvent> Uni<Void> deliver(T event, String purpose, Instant expiresAt,
                                                           Function<T, Uni<Void>> send) {
        return deliveries.claim(event, purpose, expiresAt).flatMap(decision -> switch (decision) {
            case ALREADY_HANDLED -> {
                LOG.infof("event %s was handled before; no second email", event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case EXPIRED -> {
                LOG.infof("event %s: expired before it could be sent", event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case SEND -> send.apply(event)
                    .onFailure().invoke(e -> LOG.warnf("event %s: sending failed (%s); retrying", event.eventId(), e.toString()))
                    .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(8)
                    .flatMap(sent -> deliveries.markSent(event))
                    .invoke(() -> LOG.infof("event %s: %s email sent to %s", event.eventId(), purpose,
                            event.accountId() == null ? "an address without an account" : "account " + event.accountId()));
        });
    }

    /** A poison message: retrying cannot help. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message, null, false, false);
        }
    }
}

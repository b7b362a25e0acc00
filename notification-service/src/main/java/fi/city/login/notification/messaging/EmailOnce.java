package fi.city.login.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.EmailEvent;
import fi.city.login.notification.config.DeliveryConfig;
import fi.city.login.notification.delivery.DeliveryLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every consumer of an email event does: read and check the event (a poison one fails, and the
 * connector sends it to the dead-letter topic), record its id before sending, skip it if an earlier
 * delivery sent it, retry a mail server that is down a few times, then record it sent — or, if the
 * server stays down, park it with its event for the retry job ({@code delivery/ParkedDeliveries}), so that
 * the events behind it are not held up and nothing is lost.
 */
@ApplicationScoped
public class EmailOnce {

    private static final Logger LOG = Logger.getLogger(EmailOnce.class);
    private static final int DATABASE_RETRIES = 60;

    private final ObjectMapper json;
    private final DeliveryLog deliveries;
    private final DeliveryConfig config;

    public EmailOnce(ObjectMapper json, DeliveryLog deliveries, DeliveryConfig config) {
        this.json = json;
        this.deliveries = deliveries;
        this.config = config;
    }

    public <T extends EmailEvent> T read(String payload, Class<T> type, Predicate<T> complete) {
        T event;
        try {
            event = json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a " + type.getSimpleName() + " event: " + e.getOriginalMessage());
        }
        if (event.eventId() == null || event.email() == null || !event.email().contains("@") || !complete.test(event)) {
            throw new InvalidEventException(type.getSimpleName() + " " + event.eventId() + " lacks a field or has an unknown version");
        }
        return event;
    }

    /**
     * @param received  the event as it arrived, kept if the delivery is parked
     * @param expiresAt when what the email offers stops working (null: never); an expired one is not sent
     * @param attempt   whether the consumer retries now, or the retry job makes one attempt
     */
    public <T extends EmailEvent> Uni<Void> deliver(Received received, T event, String purpose, Instant expiresAt,
                                                    Attempt attempt, Function<T, Uni<Void>> send) {
        return survivingDatabaseOutage(deliveries.claim(event, purpose, expiresAt)).flatMap(decision -> switch (decision) {
            case ALREADY_HANDLED -> {
                LOG.infof("event %s was handled before; no second email", event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case EXPIRED -> {
                LOG.infof("event %s: expired before it could be sent", event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case SEND -> retried(send.apply(event), attempt)
                    .flatMap(sent -> survivingDatabaseOutage(deliveries.markSent(event)))
                    .invoke(() -> LOG.infof("event %s: %s email sent to %s", event.eventId(), purpose,
                            event.accountId() == null ? "an address without an account" : "account " + event.accountId()))
                    .onFailure().recoverWithUni(failure -> {
                        LOG.warnf("event %s: %s email not sent (%s); parked for a later attempt", event.eventId(), purpose,
                                failure.toString());
                        return survivingDatabaseOutage(deliveries.park(event, received.topic(), received.payload(),
                                failure.toString()));
                    });
        });
    }

    /**
     * The delivery log's database away (restarting, failing over): the event waits on its partition and
     * is retried with the same back-off, for about ten minutes at the default settings, rather than be
     * sent to the dead-letter topic by the first failed statement.
     */
    private <R> Uni<R> survivingDatabaseOutage(Uni<R> databaseWork) {
        return databaseWork.onFailure().invoke(e -> LOG.warnf("the delivery log is unreachable (%s); retrying", e.toString()))
                .onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(DATABASE_RETRIES);
    }

    private Uni<Void> retried(Uni<Void> sending, Attempt attempt) {
        if (attempt == Attempt.ONCE) {
            return sending;
        }
        return sending.onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.retries());
    }

    /** Where an event came from and what it said, as it arrived. */
    public record Received(String topic, String payload) {
    }

    public enum Attempt {
        /** The consumer: retries with back-off while the event waits on its partition. */
        WITH_RETRIES,
        /** The retry job: one attempt, then the delivery waits longer. */
        ONCE
    }

    /** A poison message: retrying cannot help. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message, null, false, false);
        }
    }
}

package fi.city.login.notification.delivery;

import fi.city.login.events.EmailEvent;
import fi.city.login.notification.config.DeliveryConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Records each event before its email goes out, and whether it went, or is parked for later. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryConfig config;

    public DeliveryLog(DeliveryConfig config) {
        this.config = config;
    }

    /**
     * Whether to send: not when an earlier delivery of the same event already sent the email, nor when
     * what the email offers expired before it could go ({@code expiresAt} null: it never expires).
     */
    public Uni<Decision> claim(EmailEvent event, String purpose, Instant expiresAt) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Delivery.<Delivery>findById(event.eventId()).flatMap(existing -> {
            if (existing != null && existing.status != Delivery.Status.SENDING && existing.status != Delivery.Status.PARKED) {
                return Uni.createFrom().item(Decision.ALREADY_HANDLED);
            }
            Delivery delivery = existing != null ? existing : newDelivery(event, purpose, now);
            delivery.attempts++;
            boolean expired = expiresAt != null && !expiresAt.isAfter(now);
            if (expired) {
                delivery.status = Delivery.Status.EXPIRED;
                delivery.payload = null;
                delivery.nextAttemptAt = null;
            }
            return delivery.persist().replaceWith(expired ? Decision.EXPIRED : Decision.SEND);
        }));
    }

    /** Sent: the kept event (and the sealed token in it) is no longer needed. */
    public Uni<Void> markSent(EmailEvent event) {
        return Panache.withTransaction(() -> Delivery.update(
                "status = ?1, sentAt = ?2, payload = null, nextAttemptAt = null, lastError = null where eventId = ?3",
                Delivery.Status.SENT, Instant.now(), event.eventId())).replaceWithVoid();
    }

    /**
     * Not sent for now: keep the event and try again after a wait that doubles with each attempt, from
     * {@code parked-retry-every} up to {@code max-parked-wait}.
     */
    public Uni<Void> park(EmailEvent event, String topic, String payload, String error) {
        return Panache.withTransaction(() -> Delivery.<Delivery>findById(event.eventId()).flatMap(delivery -> {
            Duration wait = config.parkedRetryEvery().multipliedBy(1L << Math.min(20, Math.max(0, delivery.attempts - 1)));
            delivery.status = Delivery.Status.PARKED;
            delivery.topic = topic;
            delivery.payload = payload;
            delivery.lastError = error.length() > 500 ? error.substring(0, 500) : error;
            delivery.nextAttemptAt = Instant.now().plus(wait.compareTo(config.maxParkedWait()) > 0 ? config.maxParkedWait() : wait);
            return delivery.persist();
        })).replaceWithVoid();
    }

    private static Delivery newDelivery(EmailEvent event, String purpose, Instant now) {
        Delivery delivery = new Delivery();
        delivery.eventId = event.eventId();
        delivery.accountId = event.accountId();
        delivery.recipient = event.email();
        delivery.purpose = purpose;
        delivery.locale = event.locale();
        delivery.status = Delivery.Status.SENDING;
        delivery.receivedAt = now;
        return delivery;
    }

    public enum Decision {
        SEND, ALREADY_HANDLED, EXPIRED
    }
}

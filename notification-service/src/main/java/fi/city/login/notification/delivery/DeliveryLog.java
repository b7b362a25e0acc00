package fi.city.login.notification.delivery;

import fi.city.login.events.PasswordResetRequested;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Records each event before its email goes out, and whether it went. */
@ApplicationScoped
public class DeliveryLog {

    /** Whether to send: not when an earlier delivery of the same event already sent the email. */
    public Uni<Decision> claim(PasswordResetRequested event) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Delivery.<Delivery>findById(event.eventId()).flatMap(existing -> {
            if (existing != null && existing.status != Delivery.Status.SENDING) {
                return Uni.createFrom().item(Decision.ALREADY_HANDLED);
            }
            Delivery delivery = existing != null ? existing : newDelivery(event, now);
            delivery.attempts++;
            boolean expired = !event.expiresAt().isAfter(now);
            if (expired) {
                delivery.status = Delivery.Status.EXPIRED;
            }
            return delivery.persist().replaceWith(expired ? Decision.EXPIRED : Decision.SEND);
        }));
    }

    public Uni<Void> markSent(PasswordResetRequested event) {
        return Panache.withTransaction(() -> Delivery.update("status = ?1, sentAt = ?2 where eventId = ?3",
                Delivery.Status.SENT, Instant.now(), event.eventId())).replaceWithVoid();
    }

    private static Delivery newDelivery(PasswordResetRequested event, Instant now) {
        Delivery delivery = new Delivery();
        delivery.eventId = event.eventId();
        delivery.accountId = event.accountId();
        delivery.recipient = event.email();
        delivery.purpose = event.purpose().name();
        delivery.locale = event.locale();
        delivery.status = Delivery.Status.SENDING;
        delivery.receivedAt = now;
        return delivery;
    }

    public enum Decision {
        SEND, ALREADY_HANDLED, EXPIRED
    }
}

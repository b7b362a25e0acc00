package fi.city.login.notification.delivery;

import fi.city.login.events.EmailEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Records each event before its email goes out, and whether it went. */
@ApplicationScoped
public class DeliveryLog {

    /**
     * Whether to send: not when an earlier delivery of the same event already sent the email, nor when
     * what the email offers expired before it could go ({@code expiresAt} null: it never expires).
     */
    public Uni<Decision> claim(EmailEvent event, String purpose, Instant expiresAt) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Delivery.<Delivery>findById(event.eventId()).flatMap(existing -> {
            if (existing != null && existing.status != Delivery.Status.SENDING) {
                return Uni.createFrom().item(Decision.ALREADY_HANDLED);
            }
            Delivery delivery = existing != null ? existing : newDelivery(event, purpose, now);
            delivery.attempts++;
            boolean expired = expiresAt != null && !expiresAt.isAfter(now);
            if (expired) {
                delivery.status = Delivery.Status.EXPIRED;
            }
            return delivery.persist().replaceWith(expired ? Decision.EXPIRED : Decision.SEND);
        }));
    }

    public Uni<Void> markSent(EmailEvent event) {
        return Panache.withTransaction(() -> Delivery.update("status = ?1, sentAt = ?2 where eventId = ?3",
                Delivery.Status.SENT, Instant.now(), event.eventId())).replaceWithVoid();
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

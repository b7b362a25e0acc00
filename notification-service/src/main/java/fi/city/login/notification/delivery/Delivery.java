package fi.city.login.notification.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The delivery log: one row per event, keyed by the event id so that a redelivery sends nothing twice. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "account_id")
    public UUID accountId;

    public String recipient;

    public String purpose;

    public String locale;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The topic and the event as it arrived, kept while the delivery is parked (the token in it is sealed). */
    public String topic;

    public String payload;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Why the last attempt failed, for ops; never an email body. */
    @Column(name = "last_error")
    public String lastError;

    public enum Status {
        /** Claimed; if the process died before SENT, a redelivery sends again (at least once). */
        SENDING,
        SENT,
        /** The link had expired before it could be sent: an email would only frustrate. */
        EXPIRED,
        /** Not sent within the consumer's retries: the retry job tries again later, ops can resend at once. */
        PARKED
    }
}

package fi.city.login.identity.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event waiting to be published to Kafka; written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    /** The event as JSON. A link token in it is sealed; still, never log it. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The W3C traceparent of the request that caused the event, sent as the Kafka record's
     * {@code traceparent} header: notification-service's work on it joins the resident's trace.
     */
    @Column(name = "trace_parent")
    public String traceParent;

    public static OutboxEvent of(UUID id, String topic, String key, String payload, Instant now) {
        OutboxEvent event = new OutboxEvent();
        event.id = id;
        event.topic = topic;
        event.messageKey = key;
        event.payload = payload;
        event.createdAt = now;
        SpanContext span = Span.current().getSpanContext();
        event.traceParent = span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
        return event;
    }

    @Override
    public String toString() {
        return "OutboxEvent[" + id + " on " + topic + "]";
    }
}

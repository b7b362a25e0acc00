package fi.city.login.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.EmailEvent;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.notification.config.DeliveryConfig;
import fi.city.login.notification.delivery.DeliveryLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private static final String TRACE_ID = "traceId";

    private final ObjectMapper json;
    private final DeliveryLog deliveries;
    private final DeliveryDrain drain;
    private final DeliveryConfig config;
    private final MeterRegistry registry;
    private final Counter smtpFailures;
    private final Tracer tracer;

    /** Counts {@code notification_emails_total{purpose,outcome}} and {@code notification_smtp_failures_total}. */
    public EmailOnce(ObjectMapper json, DeliveryLog deliveries, DeliveryDrain drain, DeliveryConfig config, MeterRegistry registry, Tracer tracer) {
        this.json = json;
        this.tracer = tracer;
        this.deliveries = deliveries;
        this.drain = drain;
        this.config = config;
        this.registry = registry;
        this.smtpFailures = registry.counter("notification.smtp.failures");
        // Made at start, at zero: an alert on increase() misses the first event of a series that appears with it.
        registry.counter("notification.database.retries");
        for (Class<?> event : List.of(PasswordResetRequested.class, PasswordChanged.class, NoAccountNotice.class,
                EmailAddressChange.class)) {
            registry.counter("notification.dead.letters", "event", event.getSimpleName());
        }
    }

    public <T extends EmailEvent> T read(String payload, Class<T> type, Predicate<T> complete) {
        T event;
        try {
            event = json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw poison(type.getSimpleName(), "not a " + type.getSimpleName() + " event: " + e.getOriginalMessage());
        }
        if (event.eventId() == null || event.email() == null || !event.email().contains("@") || !complete.test(event)) {
            throw poison(type.getSimpleName(), type.getSimpleName() + " " + event.eventId() + " lacks a field or has an unknown version");
        }
        return event;
    }

    /**
     * An event that can never be mailed, on its way to the dead-letter topic: counted
     * ({@code notification_dead_letters_total{event}}), so that a wrong key switch, which would park every
     * link there without a word, raises an alert.
     */
    InvalidEventException poison(String event, String why) {
        registry.counter("notification.dead.letters", "event", event).increment();
        return new InvalidEventException(why);
    }

    /**
     * @param received  the event as it arrived, kept if the delivery is parked
     * @param expiresAt when what the email offers stops working (null: never); an expired one is not sent
     * @param attempt   whether the consumer retries now, or the retry job makes one attempt
     */
    public <T extends EmailEvent> Uni<Void> deliver(Received received, T event, String purpose, Instant expiresAt,
                                                    Attempt attempt, Function<T, Uni<Void>> send) {
        return drain.attempt(event.eventId(), () -> claimAndSend(received, event, purpose, expiresAt, attempt, send));
    }

    private <T extends EmailEvent> Uni<Void> claimAndSend(Received received, T event, String purpose, Instant expiresAt,
                                                          Attempt attempt, Function<T, Uni<Void>> send) {
        return survivingDatabaseOutage(deliveries.claim(event, purpose, expiresAt, received.topic(), received.payload(),
                received.traceId())).flatMap(decision -> switch (decision) {
            case ALREADY_HANDLED -> {
                count(purpose, "skipped");
                log(received, Logger.Level.INFO, "event %s was sent before, or is being sent or waits for its retry; no email now",
                        event.eventId());
                yield Uni.createFrom().voidItem();
            }
            case EXPIRED -> {
                log(received, Logger.Level.INFO, "event %s: expired before it could be sent", event.eventId());
                count(purpose, "expired");
                yield Uni.createFrom().voidItem();
            }
            case SEND -> traced(received, purpose, retried(send.apply(event), attempt))
                    .flatMap(sent -> survivingDatabaseOutage(deliveries.markSent(event)))
                    .invoke(() -> count(purpose, "sent"))
                    .invoke(() -> log(received, Logger.Level.INFO, "event %s: %s email sent to %s%s", event.eventId(), purpose,
                            event.accountId() == null ? "an address without an account" : "account " + event.accountId(),
                            received.traceId() == null ? "" : " (trace " + received.traceId() + ")"))
                    .onFailure().recoverWithUni(failure -> {
                        log(received, Logger.Level.WARN, "event %s: %s email not sent (%s); parked for a later attempt", event.eventId(), purpose,
                                failure.toString());
                        count(purpose, "parked");
                        return survivingDatabaseOutage(deliveries.park(event, received.topic(), received.payload(),
                                failure.toString()));
                    });
        });
    }

    /**
     * The delivery log's database away (restarting, failing over, down for hours): the event waits on its
     * partition and is retried with the same back-off for as long as it takes. Sending it to the dead-letter
     * topic would lose it, and sending without the log could send it twice; the events behind it could not
     * be logged either. Readiness says not ready meanwhile; the statements are fixed and an event that could
     * never be logged was refused as poison before it got here.
     */
    private <R> Uni<R> survivingDatabaseOutage(Uni<R> databaseWork) {
        return databaseWork.onFailure().invoke(e -> {
                    LOG.warnf("the delivery log is unreachable (%s); retrying", e.toString());
                    registry.counter("notification.database.retries").increment();
                })
                .onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).indefinitely();
    }

    /**
     * A log line about the event, with the resident's trace id in the JSON line's {@code mdc.traceId}, where
     * identity-service's and the portal's request logs carry it: ops find every service's lines by one value.
     */
    private static void log(Received received, Logger.Level level, String format, Object... parameters) {
        Object outer = MDC.get(TRACE_ID);
        if (received.traceId() != null) {
            MDC.put(TRACE_ID, received.traceId());
        }
        try {
            LOG.logf(level, format, parameters);
        } finally {
            if (outer == null) {
                MDC.remove(TRACE_ID);
            } else {
                MDC.put(TRACE_ID, outer);
            }
        }
    }

    private void count(String purpose, String outcome) {
        registry.counter("notification.emails", "purpose", purpose, "outcome", outcome).increment();
    }

    /** The send, retries included, as a span of the resident's trace (the record's traceparent). */
    private Uni<Void> traced(Received received, String purpose, Uni<Void> sending) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder("smtp send").setParent(received.trace()).setSpanKind(SpanKind.CLIENT)
                    .setAttribute("city_login.email.purpose", purpose).startSpan();
            return sending.onItemOrFailure().invoke((sent, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                span.end();
            });
        });
    }

    private Uni<Void> retried(Uni<Void> attempted, Attempt attempt) {
        Uni<Void> sending = attempted.onFailure().invoke(failure -> smtpFailures.increment());
        if (attempt == Attempt.ONCE) {
            return sending;
        }
        return sending.onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.retries());
    }

    /**
     * Where an event came from and what it said, as it arrived; and the trace of the request behind it (the
     * record's W3C {@code traceparent} header): its trace id is kept in the delivery log, and the send is a
     * span of it. No trace for a retry of a parked email: the log has its trace id from the first attempt.
     */
    public record Received(String topic, String payload, Context trace) {

        private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
            @Override
            public Iterable<String> keys(Headers headers) {
                List<String> keys = new ArrayList<>();
                headers.forEach(header -> keys.add(header.key()));
                return keys;
            }

            @Override
            public String get(Headers headers, String key) {
                Header header = headers == null ? null : headers.lastHeader(key);
                return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
            }
        };

        public static Received from(ConsumerRecord<String, String> record) {
            return new Received(record.topic(), record.value(),
                    W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), KAFKA_HEADERS));
        }

        /** An event read back from the delivery log by the retry job: the log keeps its trace id. */
        public static Received retried(String topic, String payload) {
            return new Received(topic, payload, Context.root());
        }

        /** The W3C trace id of the request behind the event; null when the record carried none. */
        public String traceId() {
            SpanContext parent = Span.fromContext(trace).getSpanContext();
            return parent.isValid() ? parent.getTraceId() : null;
        }
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

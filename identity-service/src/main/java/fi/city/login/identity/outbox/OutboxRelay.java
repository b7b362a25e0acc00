package fi.city.login.identity.outbox;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the outbox to Kafka: at least once, in order of creation. A batch is locked with SKIP
 * LOCKED, so replicas share the work without sending a row twice at the same time; a row is deleted
 * once the broker has acknowledged it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    /** The W3C trace context header; the channels' own tracing is off, as it would name the relay's trace. */
    private static final String TRACE_PARENT = "traceparent";

    private final Map<String, MutinyEmitter<String>> channels;

    public OutboxRelay(@Channel(PasswordResetRequested.TOPIC) MutinyEmitter<String> passwordResetRequested,
                       @Channel(PasswordChanged.TOPIC) MutinyEmitter<String> passwordChanged,
                       @Channel(NoAccountNotice.TOPIC) MutinyEmitter<String> noAccountNotice,
                       @Channel(EmailAddressChange.TOPIC) MutinyEmitter<String> emailAddressChange) {
        this.channels = Map.of(PasswordResetRequested.TOPIC, passwordResetRequested, PasswordChanged.TOPIC, passwordChanged,
                NoAccountNotice.TOPIC, noAccountNotice, EmailAddressChange.TOPIC, emailAddressChange);
    }

    // Not before the application has started: the Kafka channels are connected during startup.
    @Scheduled(every = "${identity.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> publishPending() {
        // Also run at once after each commit that wrote an event (OutboxWakeUp); concurrent runs lock
        // different rows (SKIP LOCKED).
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createSelectionQuery("from OutboxEvent order by createdAt", OutboxEvent.class)
                        .setMaxResults(BATCH)
                        .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                        .getResultList())
                .flatMap(this::publishInOrder))
                .onFailure().invoke(e -> LOG.warnf("outbox relay: %s; will retry", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Events of one key (one account) go out one after another, in order of creation; different keys go out
     * at once, so a burst is published in about the time of its longest key, not of its length. The batch's
     * rows are deleted together once every event is acknowledged; if any is not, the transaction rolls back
     * and the whole batch is sent again (at least once; notification-service drops what it already had).
     */
    private Uni<Void> publishInOrder(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<OutboxEvent>> byKey = new LinkedHashMap<>();
        batch.forEach(event -> byKey.computeIfAbsent(event.topic + "/" + event.messageKey, key -> new ArrayList<>()).add(event));
        List<Uni<Void>> keys = byKey.values().stream().map(this::publishOneAfterAnother).toList();
        return Uni.join().all(keys).andFailFast()
                .flatMap(published -> OutboxEvent.delete("id in ?1", batch.stream().map(event -> event.id).toList()))
                .replaceWithVoid();
    }

    private Uni<Void> publishOneAfterAnother(List<OutboxEvent> events) {
        return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(this::publish)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> publish(OutboxEvent event) {
        MutinyEmitter<String> channel = channels.get(event.topic);
        if (channel == null) {
            return Uni.createFrom().failure(new IllegalStateException("no channel for topic " + event.topic));
        }
        RecordHeaders headers = new RecordHeaders();
        if (event.traceParent != null) {
            headers.add(TRACE_PARENT, event.traceParent.getBytes(StandardCharsets.US_ASCII));
        }
        return channel.sendMessage(Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey).withHeaders(headers).build()));
    }
}

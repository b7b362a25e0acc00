package fi.city.login.notification.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The retry job: deliveries that are due get one more attempt each, through the consumer of their topic
 * (so an expired link is still not sent, and a sent one is not sent twice): parked ones, and attempts
 * whose process died (their lease ran out). Replicas may pick the same rows; the delivery log's claim lets
 * one attempt win each. The gauge {@code notification.deliveries.parked} counts what waits; made at start,
 * so that the alert on it has a value before the job first runs.
 */
@Startup
@ApplicationScoped
public class ParkedDeliveryRetries {

    private static final Logger LOG = Logger.getLogger(ParkedDeliveryRetries.class);
    private static final int BATCH = 50;
    /** Emails in flight at once while draining: the pooled SMTP connections' worth, not a flood. */
    private static final int AT_ONCE = 4;
    /** A bound on one run (10,000 emails), whatever the rows do: the next run goes on from there. */
    private static final int MAX_BATCHES_PER_RUN = 200;

    private static final String DUE = """
            select topic, payload from notification.delivery
            where status in ('PARKED', 'SENDING') and next_attempt_at <= $1 and payload is not null
            order by next_attempt_at limit $2
            """;

    private final Pool database;
    private final Map<String, EmailEventHandler> handlers;
    private final AtomicLong parked = new AtomicLong();

    public ParkedDeliveryRetries(Pool database, Instance<EmailEventHandler> handlers, MeterRegistry registry) {
        this.database = database;
        this.handlers = handlers.stream().collect(Collectors.toMap(EmailEventHandler::topic, Function.identity()));
        registry.gauge("notification.deliveries.parked", parked);
    }

    @Scheduled(every = "${notification.delivery.parked-retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> retryDue() {
        return drain(OffsetDateTime.now(ZoneOffset.UTC), MAX_BATCHES_PER_RUN)
                .flatMap(ignored -> countParked())
                .onFailure().invoke(e -> LOG.warnf("parked deliveries: %s; will retry", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Batch after batch, at the mail server's pace: as long as a whole batch was taken, the next one follows
     * at once, {@value #AT_ONCE} emails at a time, so 10,000 parked emails drain in minutes once the server is
     * back rather than 50 a minute. A batch with a failure ends the run: the server is still refusing, and
     * the next run comes after the back-off.
     */
    private Uni<Void> drain(OffsetDateTime due, int batchesLeft) {
        return database.preparedQuery(DUE).execute(Tuple.of(due, BATCH))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem().transformToUni(this::attempt).merge(AT_ONCE)
                .collect().asList()
                .flatMap(outcomes -> batchesLeft > 1 && outcomes.size() == BATCH && outcomes.stream().allMatch(Boolean::booleanValue)
                        ? drain(due, batchesLeft - 1) : Uni.createFrom().voidItem());
    }

    /** One more attempt through the topic's consumer; whether it went through (a failure parks it again, for longer). */
    private Uni<Boolean> attempt(Row row) {
        EmailEventHandler handler = handlers.get(row.getString("topic"));
        if (handler == null) {
            LOG.warnf("a parked delivery of topic %s, which no consumer reads", row.getString("topic"));
            return Uni.createFrom().item(false);
        }
        return Uni.createFrom().deferred(() -> handler.handle(EmailOnce.Received.retried(row.getString("topic"), row.getString("payload")), EmailOnce.Attempt.ONCE))
                .replaceWith(true)
                .onFailure().invoke(e -> LOG.warnf("a parked delivery failed again: %s", e.toString()))
                .onFailure().recoverWithItem(false);
    }

    private Uni<Void> countParked() {
        return database.query("select count(*) from notification.delivery where status = 'PARKED'").execute()
                .invoke(rows -> parked.set(rows.iterator().next().getLong(0))).replaceWithVoid();
    }
}

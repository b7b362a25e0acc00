package fi.city.login.notification.delivery;

import fi.city.login.notification.config.DeliveryConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Delivery records hold residents' addresses: they are removed {@code notification.delivery.keep-records}
 * (30 days) after the event arrived, parked ones included — by then any link in them has long expired,
 * and a notice that could not go out in a month is given up, with a warning. One delete by a condition on
 * time, so replicas running it at once only find less to do.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    private static final String REMOVE = """
            delete from notification.delivery where received_at < $1 returning status
            """;

    private final Pool database;
    private final Duration keepRecords;

    public DeliveryRetention(Pool database, DeliveryConfig config) {
        this.database = database;
        this.keepRecords = config.keepRecords();
    }

    @Scheduled(every = "${notification.delivery.retention-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return removeOld(Instant.now()).onFailure().invoke(e -> LOG.warnf("delivery retention: %s; will retry", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes the records of events that arrived before {@code now} minus the period; answers how many. */
    public Uni<Integer> removeOld(Instant now) {
        return database.preparedQuery(REMOVE).execute(Tuple.of(now.minus(keepRecords).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    int parked = 0;
                    for (var row : rows) {
                        parked += "PARKED".equals(row.getString("status")) ? 1 : 0;
                    }
                    if (parked > 0) {
                        LOG.warnf("gave up %d parked deliveries older than %s", parked, keepRecords);
                    }
                    return rows.rowCount();
                });
    }
}

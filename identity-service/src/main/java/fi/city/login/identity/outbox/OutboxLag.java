package fi.city.login.identity.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the outbox is behind, for the alert that matters most to a resident waiting for a link: gauges
 * {@code identity_outbox_pending} (events not yet acknowledged by Kafka) and
 * {@code identity_outbox_oldest_age_seconds}. Measured by a query of its own, so that the figures grow
 * while the relay waits on a broker that is down.
 */
@Startup // the gauges exist from the start, not from the first measurement
@ApplicationScoped
public class OutboxLag {

    private static final Logger LOG = Logger.getLogger(OutboxLag.class);

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxLag(MeterRegistry registry) {
        registry.gauge("identity.outbox.pending", pending);
        registry.gauge("identity.outbox.oldest.age.seconds", oldestAgeSeconds);
    }

    @Scheduled(every = "${identity.outbox.lag-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "select count(*), coalesce(floor(extract(epoch from now() - min(created_at))), 0) from {h-schema}outbox_event",
                        Object[].class).getSingleResult()))
                .invoke(row -> {
                    pending.set(((Number) row[0]).longValue());
                    oldestAgeSeconds.set(((Number) row[1]).longValue());
                })
                .onFailure().invoke(e -> LOG.warnf("outbox lag: %s; will retry", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}

package fi.city.login.notification.messaging;

import fi.city.login.notification.config.DeliveryConfig;
import fi.city.login.notification.delivery.DeliveryLog;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A replica that is told to stop (SIGTERM in a rolling update) finishes the emails it began and starts no
 * new one. The Kafka connector waits only two poll timeouts for what is in flight before it closes, and an
 * attempt cut short would keep its claim's lease for ten minutes: the resident would wait at their inbox.
 * So, before the connector closes, the replica claims nothing more (those records stay unacknowledged and go
 * to the replicas that stay), waits for its attempts for at most {@code notification.delivery.drain-timeout},
 * and hands back the lease of any still unfinished, so that a redelivery or the retry job elsewhere sends it
 * at once.
 */
@ApplicationScoped
public class DeliveryDrain {

    private static final Logger LOG = Logger.getLogger(DeliveryDrain.class);
    private static final Duration POLL = Duration.ofMillis(50);

    // One entry per attempt (its own key), valued by its event: two attempts at one event may overlap.
    private final Map<Object, UUID> attempts = new ConcurrentHashMap<>();
    private final DeliveryLog deliveries;
    private final DeliveryConfig config;
    private volatile boolean stopping;

    public DeliveryDrain(DeliveryLog deliveries, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    /**
     * The attempt, counted while it runs; once the replica stops, an attempt that has not begun never does:
     * its Uni never ends, so its record is never acknowledged and is read again by another replica.
     */
    public <T> Uni<T> attempt(UUID eventId, Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> {
            Object key = new Object();
            attempts.put(key, eventId);
            // Registered before the check, so the drain either sees this attempt or it sees the drain.
            if (stopping) {
                attempts.remove(key);
                return Uni.createFrom().nothing();
            }
            Uni<T> running;
            try {
                running = attempt.get();
            } catch (RuntimeException e) {
                attempts.remove(key); // never began: the drain must not wait for it
                throw e;
            }
            return running.onTermination().invoke(() -> attempts.remove(key));
        });
    }

    /** Runs before the Kafka connector, the mail client and the database pool are closed. */
    void drain(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (!attempts.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        List<UUID> unfinished = List.copyOf(attempts.values());
        if (unfinished.isEmpty()) {
            return;
        }
        LOG.warnf("stopping with %d emails still being sent after %s; their claims are handed back to the other replicas",
                unfinished.size(), config.drainTimeout());
        try {
            deliveries.handBack(unfinished).await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("could not hand back the claims (%s): another replica takes them when their lease runs out", e.toString());
        }
    }
}

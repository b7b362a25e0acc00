package fi.city.login.identity.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox right after a commit instead of at the next poll: a trigger on the outbox table
 * sends a PostgreSQL {@code NOTIFY outbox} in every transaction that adds an event (migration V14), which
 * PostgreSQL delivers on commit to every replica listening here, and the relay runs at once. The relay's
 * poll stays as the safety net (a lost connection, a notification missed while reconnecting).
 */
@ApplicationScoped
public class OutboxWakeUp {

    /** The channel the outbox table's trigger notifies (migration V14). */
    static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final PgConnectOptions options;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private PgSubscriber subscriber;

    public OutboxWakeUp(Vertx vertx, OutboxRelay relay, Config config) {
        this.vertx = vertx;
        this.relay = relay;
        this.options = ListenConnection.options(config);
    }

    void listen(@Observes StartupEvent started) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempts -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> wakeUp());
        subscriber.connect().subscribe().with(connected -> LOG.debug("listening for outbox notifications"),
                failure -> LOG.warnf("not listening for outbox notifications (polling only): %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    /** One relay run at a time from here; notifications during a run ask for one more run after it. */
    private void wakeUp() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        // Hibernate Reactive works on a safe duplicated context, as a request's or a scheduled job's.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay.publishPending().subscribe().with(done -> finished(), failed -> finished()));
    }

    private void finished() {
        running.set(false);
        if (again.getAndSet(false)) {
            wakeUp();
        }
    }
}

package fi.city.login.identity.flow.registration;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Removes registrations that were never confirmed: accounts still waiting for their first password long
 * after their link expired, and with no legacy username (those came from the old system and stay until
 * their owner comes). Their links go with them; they cannot have had a session.
 */
@ApplicationScoped
public class UnconfirmedRegistrations {

    private static final Logger LOG = Logger.getLogger(UnconfirmedRegistrations.class);

    /** {h-schema} is the service's schema. */
    private static final String UNCONFIRMED = """
            select a.id from {h-schema}account a
            where a.state = 'PENDING_FIRST_PASSWORD' and a.created_at < :cutoff
              and not exists (select 1 from {h-schema}legacy_username l where l.account_id = a.id)""";

    private final RegistrationConfig config;

    public UnconfirmedRegistrations(RegistrationConfig config) {
        this.config = config;
    }

    @Scheduled(every = "${identity.registration.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return removeExpired(Instant.now()).onFailure().invoke(e -> LOG.warnf("removing unconfirmed registrations: %s", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes what was registered before {@code now} minus the unconfirmed lifetime; answers how many accounts. */
    public Uni<Integer> removeExpired(Instant now) {
        Instant cutoff = now.minus(config.unconfirmedLifetime());
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("delete from {h-schema}emailed_link where account_id in (" + UNCONFIRMED + ")")
                .setParameter("cutoff", cutoff).executeUpdate()
                .flatMap(links -> session.createNativeQuery("delete from {h-schema}account where id in (" + UNCONFIRMED + ")")
                        .setParameter("cutoff", cutoff).executeUpdate())))
                .invoke(removed -> {
                    if (removed > 0) {
                        LOG.infof("removed %d registrations never confirmed", removed);
                    }
                });
    }
}

package fi.city.login.identity.retention;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes what is no longer in use after the periods of {@link RetentionConfig}: ended sessions, ended
 * password links, login flows, passkey challenges, old rows of the per-address limits, known browsers long unseen and old audit events. Each is one delete
 * by a condition on time, so replicas running it at once only find less to do.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final RetentionConfig config;

    public Retention(RetentionConfig config) {
        this.config = config;
    }

    @Scheduled(every = "${identity.retention.every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return removeOld(Instant.now()).onFailure().invoke(e -> LOG.warnf("retention: %s; will retry", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes what ended before the retention periods counted back from {@code now}; answers how many rows of each. */
    public Uni<Map<String, Integer>> removeOld(Instant now) {
        Instant ended = now.minus(config.endedSessionsAndLinks());
        Instant throttle = now.minus(config.throttleRows());
        Instant unseen = now.minus(config.unusedKnownDevices());
        Instant audited = now.minus(config.auditEvents());
        Map<String, Integer> removed = new LinkedHashMap<>();
        return Panache.withTransaction(() -> delete("session",
                "expires_at < :ended or revoked_at < :ended", "ended", ended, removed)
                .flatMap(n -> delete("emailed_link",
                        "expires_at < :ended or spent_at < :ended or revoked_at < :ended", "ended", ended, removed))
                .flatMap(n -> delete("login_flow", "expires_at < :ended", "ended", ended, removed))
                .flatMap(n -> delete("webauthn_challenge", "expires_at < :ended", "ended", ended, removed))
                .flatMap(n -> delete("email_request_throttle", "window_started_at < :before", "before", throttle, removed))
                .flatMap(n -> delete("login_address_throttle",
                        "window_started_at < :before and (blocked_until is null or blocked_until < :before)", "before", throttle, removed))
                .flatMap(n -> delete("known_device", "last_used_at < :before", "before", unseen, removed))
                .flatMap(n -> delete("audit_event", "occurred_at < :before", "before", audited, removed)))
                .map(last -> removed)
                .invoke(counts -> {
                    if (counts.values().stream().anyMatch(count -> count > 0)) {
                        LOG.infof("retention removed %s", counts);
                    }
                });
    }

    private static Uni<Integer> delete(String table, String condition, String parameter, Instant value, Map<String, Integer> removed) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("delete from {h-schema}" + table + " where " + condition)
                .setParameter(parameter, value).executeUpdate())
                .invoke(count -> removed.put(table, count));
    }
}

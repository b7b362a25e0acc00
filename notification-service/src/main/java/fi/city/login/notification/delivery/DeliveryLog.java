package fi.city.login.notification.delivery;

import fi.city.login.events.EmailEvent;
import fi.city.login.notification.config.DeliveryConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The delivery log: one row per event, keyed by the event id. Whoever sends an email first wins the row
 * with one conditional statement, so that two replicas, a redelivered event and the retry job never send
 * the same email at once: the row is SENDING under a lease while an attempt runs, then SENT, PARKED (tried
 * again when due) or EXPIRED. An attempt whose process died is taken over when its lease runs out.
 */
@ApplicationScoped
public class DeliveryLog {

    /** Longer than any attempt with its retries takes; how long a crashed attempt holds its email back. */
    static final Duration ATTEMPT_LEASE = Duration.ofMinutes(10);

    private static final String FIRST_CLAIM = """
            insert into notification.delivery (event_id, account_id, recipient, purpose, locale, status, attempts,
                                               received_at, topic, payload, next_attempt_at, trace_id)
            values ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, $10, $11)
            on conflict (event_id) do nothing
            """;
    // Only a parked delivery that is due, or an attempt whose lease ran out, can be taken over.
    private static final String LATER_CLAIM = """
            update notification.delivery
            set attempts = attempts + 1, status = $2::text, next_attempt_at = $3::timestamptz,
                payload = case when $2::text = 'EXPIRED' then null else payload end
            where event_id = $1 and status in ('PARKED', 'SENDING') and next_attempt_at <= $4::timestamptz
            """;
    private static final String SENT = """
            update notification.delivery set status = 'SENT', sent_at = $2, payload = null, next_attempt_at = null,
                                             last_error = null
            where event_id = $1
            """;
    // The wait doubles with each attempt, from parked-retry-every up to max-parked-wait.
    private static final String PARK = """
            update notification.delivery
            set status = 'PARKED', topic = $2, payload = $3, last_error = left($4, 500),
                next_attempt_at = $5::timestamptz
                    + make_interval(secs => least($7::float8, $6::float8 * power(2, least(20, greatest(0, attempts - 1)))))
            where event_id = $1
            """;

    // A stopping replica's unfinished attempts: their lease ends now, so that the next claim takes them.
    private static final String HAND_BACK = """
            update notification.delivery set next_attempt_at = $2
            where event_id = any($1) and status = 'SENDING'
            """;

    private final Pool database;
    private final DeliveryConfig config;

    public DeliveryLog(Pool database, DeliveryConfig config) {
        this.database = database;
        this.config = config;
    }

    /**
     * Whether this attempt sends the email: not when it was sent, expired, is being sent by another attempt
     * or waits parked for its retry; EXPIRED (recorded) when what the email offers expired before it could
     * go ({@code expiresAt} null: it never expires). The event is kept with the claim, so that the retry job
     * can finish an attempt that died, and the trace id of the request behind it, for ops.
     */
    public Uni<Decision> claim(EmailEvent event, String purpose, Instant expiresAt, String topic, String payload,
                               String traceId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean expired = expiresAt != null && !expiresAt.isAfter(now.toInstant());
        Decision won = expired ? Decision.EXPIRED : Decision.SEND;
        String status = expired ? "EXPIRED" : "SENDING";
        OffsetDateTime lease = expired ? null : now.plus(ATTEMPT_LEASE);
        Tuple first = Tuple.tuple()
                .addUUID(event.eventId()).addUUID(event.accountId()).addString(event.email()).addString(purpose)
                .addString(event.locale()).addString(status).addOffsetDateTime(now).addString(topic)
                .addString(expired ? null : payload).addOffsetDateTime(lease).addString(traceId);
        return database.preparedQuery(FIRST_CLAIM).execute(first).flatMap(inserted -> inserted.rowCount() == 1
                ? Uni.createFrom().item(won)
                : database.preparedQuery(LATER_CLAIM).execute(Tuple.of(event.eventId(), status, lease, now))
                        .map(updated -> updated.rowCount() == 1 ? won : Decision.ALREADY_HANDLED));
    }

    /** Sent: the kept event (and the sealed token in it) is no longer needed. */
    public Uni<Void> markSent(EmailEvent event) {
        return database.preparedQuery(SENT).execute(Tuple.of(event.eventId(), OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Not sent for now: keep the event and try again after a wait that grows with each attempt. */
    public Uni<Void> park(EmailEvent event, String topic, String payload, String error) {
        return database.preparedQuery(PARK).execute(Tuple.tuple()
                        .addUUID(event.eventId()).addString(topic).addString(payload).addString(error)
                        .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC))
                        .addDouble(seconds(config.parkedRetryEvery())).addDouble(seconds(config.maxParkedWait())))
                .replaceWithVoid();
    }

    /** Attempts this replica began and cannot finish (it is stopping): another attempt may take them now. */
    public Uni<Void> handBack(List<UUID> eventIds) {
        return database.preparedQuery(HAND_BACK)
                .execute(Tuple.of(eventIds.toArray(UUID[]::new), OffsetDateTime.now(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    public enum Decision {
        SEND,
        /** Sent, expired, being sent by another attempt, or parked until its retry is due: nothing now. */
        ALREADY_HANDLED,
        EXPIRED
    }
}

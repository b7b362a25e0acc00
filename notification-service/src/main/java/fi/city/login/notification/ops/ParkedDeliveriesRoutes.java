package fi.city.login.notification.ops;

import fi.city.login.notification.config.NotificationConfig;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * What ops see of parked deliveries and how they send them now, on the management interface only (port
 * 9002, never the public one): {@code GET /parked-deliveries} lists them (event, account, purpose,
 * attempts, last error, when; no address and no email), {@code POST /parked-deliveries/resend} makes all
 * of them, or one with {@code ?eventId=}, due at once for the retry job. Only with ops' token
 * ({@code Authorization: Bearer …}, its SHA-256 in {@code notification.ops-token-sha256}): whatever else
 * reaches the management port (Prometheus) may read, not send.
 */
@ApplicationScoped
public class ParkedDeliveriesRoutes {

    private static final Logger LOG = Logger.getLogger(ParkedDeliveriesRoutes.class);

    private static final String LIST = """
            select event_id, account_id, purpose, attempts, last_error, received_at, next_attempt_at, trace_id
            from notification.delivery where status = 'PARKED' order by received_at limit 1000
            """;
    private static final String RESEND = """
            update notification.delivery set next_attempt_at = now()
            where status = 'PARKED' and ($1::uuid is null or event_id = $1)
            """;

    private final Pool database;
    private final Optional<byte[]> opsToken;

    public ParkedDeliveriesRoutes(Pool database, NotificationConfig config) {
        this.database = database;
        this.opsToken = config.opsTokenSha256().map(hex -> HexFormat.of().parseHex(hex.strip()));
    }

    void routes(@Observes ManagementInterface management) {
        management.router().get("/parked-deliveries").handler(this::list);
        management.router().post("/parked-deliveries/resend").handler(this::resend);
    }

    private void list(RoutingContext context) {
        database.query(LIST).execute().subscribe().with(rows -> {
            JsonArray parked = new JsonArray();
            for (Row row : rows) {
                parked.add(new JsonObject()
                        .put("eventId", row.getUUID("event_id").toString())
                        .put("accountId", row.getUUID("account_id") == null ? null : row.getUUID("account_id").toString())
                        .put("purpose", row.getString("purpose"))
                        .put("attempts", row.getInteger("attempts"))
                        .put("lastError", row.getString("last_error"))
                        .put("traceId", row.getString("trace_id"))
                        .put("receivedAt", String.valueOf(row.getOffsetDateTime("received_at")))
                        .put("nextAttemptAt", String.valueOf(row.getOffsetDateTime("next_attempt_at"))));
            }
            context.response().putHeader("Content-Type", "application/json").end(parked.encode());
        }, failure -> fail(context, failure));
    }

    private void resend(RoutingContext context) {
        if (!fromOps(context.request().getHeader("Authorization"))) {
            context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            return;
        }
        UUID eventId;
        try {
            String given = context.request().getParam("eventId");
            eventId = given == null ? null : UUID.fromString(given);
        } catch (IllegalArgumentException notAnId) {
            context.response().setStatusCode(400).end();
            return;
        }
        database.preparedQuery(RESEND).execute(Tuple.of(eventId)).subscribe().with(rows -> {
            LOG.infof("ops made %d parked deliveries due now", rows.rowCount());
            context.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("due", rows.rowCount()).encode());
        }, failure -> fail(context, failure));
    }

    private static void fail(RoutingContext context, Throwable failure) {
        LOG.warnf("parked deliveries: %s", failure.toString());
        context.response().setStatusCode(503).end();
    }

    /** The bearer token is ops', compared by its SHA-256 in constant time. */
    private boolean fromOps(String authorization) {
        if (opsToken.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            byte[] given = MessageDigest.getInstance("SHA-256")
                    .digest(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(given, opsToken.get());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

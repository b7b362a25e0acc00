package fi.city.login.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.events.SealedToken;
import fi.city.login.infra.Await;
import fi.city.login.infra.EmbeddedSmtpServer;
import fi.city.login.infra.quarkus.InjectSmtpServer;
import fi.city.login.infra.quarkus.KafkaTestResource;
import fi.city.login.infra.quarkus.PostgresTestResource;
import fi.city.login.infra.quarkus.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail server is down for longer than the consumer's retries: deliveries are parked, not lost; ops
 * see them and the gauge counts them; when the server is back every email whose link is still valid
 * arrives once, and one whose link expired meanwhile does not.
 */
@QuarkusTest
@TestProfile(MailServerOutageTest.ShortRetries.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class MailServerOutageTest {

    private static final int RESIDENTS = 20;

    @InjectSmtpServer
    EmbeddedSmtpServer smtp;

    @Inject
    ObjectMapper json;

    @Inject
    Pool database;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private EmbeddedSmtpServer restarted;

    @AfterEach
    void stopTheRestartedServer() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void anOutageLongerThanTheRetriesLosesNoEmailAndSendsNoneTwice() throws Exception {
        // Ops routes live at the management interface's root, beside /q.
        String parkedDeliveries = metrics.toURI().resolve("/parked-deliveries").toString();
        int port = smtp.port();
        smtp.close();
        // Published first and valid for a while, so that it is parked before it expires even on a slow machine;
        // the retry job then finds it expired. (Its fate is not part of the counts below, which would race it.)
        PasswordResetRequested shortLived = event("vanheneva-" + UUID.randomUUID() + "@example.com", Duration.ofSeconds(15));
        publish(shortLived);
        Map<String, PasswordResetRequested> byAddress = new HashMap<>();
        for (int i = 0; i < RESIDENTS; i++) {
            PasswordResetRequested event = event("katko-" + i + "-" + UUID.randomUUID() + "@example.com", Duration.ofDays(7));
            byAddress.put(event.email(), event);
            publish(event);
        }
        List<UUID> residents = byAddress.values().stream().map(PasswordResetRequested::eventId).toList();

        Await.until("every delivery parked", Duration.ofSeconds(90), () -> parkedAmong(residents) == RESIDENTS);
        Await.until("the gauge counts them", Duration.ofSeconds(20), () -> metric("notification_deliveries_parked") >= RESIDENTS);
        assertTrue(metric("notification_emails_total\\{outcome=\"parked\",purpose=\"FIRST_LOGIN\"") >= RESIDENTS, "parked, counted");
        assertTrue(metric("notification_smtp_failures_total") >= 2 * RESIDENTS, "each refused attempt counted (the first and one retry)");
        String listed = RestAssured.get(parkedDeliveries).then().statusCode(200).extract().asString();
        assertTrue(listed.contains(residents.get(0).toString()) && listed.contains("\"purpose\":\"FIRST_LOGIN\""), listed);
        assertTrue(!listed.contains("@example.com"), "ops see no addresses: " + listed);

        Await.until("the short-lived link expired while parked", Duration.ofSeconds(60),
                () -> "EXPIRED".equals(status(shortLived.eventId())));
        assertTrue(lastError(shortLived.eventId()) != null, "it was tried and parked before it expired");
        restarted = EmbeddedSmtpServer.start(port);
        long back = System.nanoTime();
        RestAssured.post(parkedDeliveries + "/resend").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer arvattu").post(parkedDeliveries + "/resend").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer local-only-ops-token").post(parkedDeliveries + "/resend")
                .then().statusCode(200);

        Await.until("every valid email sent", Duration.ofSeconds(60), () -> mailsTo(byAddress.keySet()).size() >= RESIDENTS);
        System.out.printf("mail server back: %d parked emails delivered in %d ms%n", RESIDENTS,
                (System.nanoTime() - back) / 1_000_000);
        Await.until("nothing parked", Duration.ofSeconds(20), () -> parkedAmong(residents) == 0);
        assertTrue(metric("notification_emails_total\\{outcome=\"sent\",purpose=\"FIRST_LOGIN\"") >= RESIDENTS, "sent, counted");
        // Each delivery recorded as sent is done: a row is claimed for sending only while it is not, so no
        // second copy can start after this.
        Await.until("every delivery recorded as sent", Duration.ofSeconds(30),
                () -> residents.stream().allMatch(id -> "SENT".equals(status(id))));
        List<String> recipients = mailsTo(byAddress.keySet());
        assertEquals(RESIDENTS, recipients.size(), "one email each");
        assertEquals(RESIDENTS, recipients.stream().distinct().count(), "none twice");
        assertEquals(0, mailsTo(java.util.Set.of(shortLived.email())).size(), "a link that expired while parked is not sent");
        assertEquals("EXPIRED", status(shortLived.eventId()));
        assertEquals("SENT", status(byAddress.values().iterator().next().eventId()));
    }

    private PasswordResetRequested event(String email, Duration valid) {
        Instant now = Instant.now();
        UUID account = UUID.randomUUID();
        Instant expiresAt = now.plus(valid.toMillis(), ChronoUnit.MILLIS);
        return new PasswordResetRequested(UUID.randomUUID(), PasswordResetRequested.VERSION, account, email,
                "Katko Asukas", "fi", Purpose.FIRST_LOGIN,
                SealedToken.seal("token-" + UUID.randomUUID(), PasswordResetRequested.sealBinding(account, email,
                        Purpose.FIRST_LOGIN, expiresAt), SealedToken.publicKey("../dev-keys/link-token-public.pem")),
                expiresAt, now, null);
    }

    private void publish(PasswordResetRequested event) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PasswordResetRequested.TOPIC, event.accountId().toString(),
                    json.writeValueAsString(event))).get();
        }
    }

    private long parkedAmong(List<UUID> eventIds) {
        return database.preparedQuery("SELECT count(*) FROM notification.delivery WHERE status = 'PARKED' AND event_id = ANY($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
    }

    /** A metric's value in the Prometheus text, or -1; {@code series} is a regex prefix of its line. */
    private double metric(String series) {
        Matcher line = Pattern.compile("(?m)^" + series + "[^\\n]*? ([0-9.eE+-]+)$").matcher(RestAssured.get(metrics).asString());
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }

    private String lastError(UUID eventId) {
        return database.preparedQuery("SELECT last_error FROM notification.delivery WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator().next().getString(0);
    }

    /** The delivery's status, or null before the event is received. */
    private String status(UUID eventId) {
        var rows = database.preparedQuery("SELECT status FROM notification.delivery WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator();
        return rows.hasNext() ? rows.next().getString(0) : null;
    }

    private List<String> mailsTo(java.util.Set<String> addresses) {
        List<String> found = new ArrayList<>();
        if (restarted == null) {
            return found;
        }
        try {
            for (MimeMessage message : restarted.messages()) {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
                if (addresses.contains(to)) {
                    found.add(to);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The consumer gives up at once and the retry job looks every second, waiting at most two. */
    public static class ShortRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "notification.delivery.retries", "1",
                    "notification.delivery.initial-backoff", "PT0.05S",
                    "notification.delivery.max-backoff", "PT0.1S",
                    "notification.delivery.parked-retry-every", "1s",
                    "notification.delivery.max-parked-wait", "PT2S");
        }
    }
}

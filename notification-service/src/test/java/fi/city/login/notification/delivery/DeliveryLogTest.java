package fi.city.login.notification.delivery;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.infra.quarkus.KafkaTestResource;
import fi.city.login.infra.quarkus.PostgresTestResource;
import fi.city.login.infra.quarkus.SmtpTestResource;
import fi.city.login.notification.delivery.DeliveryLog.Decision;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * At most one attempt per email, enforced by the database: forty claims at once (two replicas, a
 * redelivery and the retry job racing) let exactly one send, whatever state the delivery is in.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class DeliveryLogTest {

    private static final int RACERS = 40;

    @Inject
    DeliveryLog deliveries;

    @Inject
    Pool database;

    @Test
    void fortyClaimsOfANewEventLetOneSend() {
        NoAccountNotice event = event();
        assertEquals(Map.of(Decision.SEND, 1L, Decision.ALREADY_HANDLED, (long) RACERS - 1), race(event));
        assertEquals("SENDING", status(event));
    }

    @Test
    void aParkedDeliveryThatIsDueIsTakenByOneOfFortyAndOneNotDueByNone() {
        NoAccountNotice event = event();
        claimOnce(event);
        deliveries.park(event, NoAccountNotice.TOPIC, "{}", "mail server down").await().indefinitely();
        assertEquals(Map.of(Decision.ALREADY_HANDLED, (long) RACERS), race(event), "parked, not yet due: waits for the job");

        moveNextAttempt(event, Instant.now().minusSeconds(1));
        assertEquals(Map.of(Decision.SEND, 1L, Decision.ALREADY_HANDLED, (long) RACERS - 1), race(event));
    }

    @Test
    void anAttemptWhoseProcessDiedIsTakenOverByOneOfFortyOnceItsLeaseRanOut() {
        NoAccountNotice event = event();
        claimOnce(event);
        assertEquals(Map.of(Decision.ALREADY_HANDLED, (long) RACERS), race(event), "the attempt still holds its lease");

        moveNextAttempt(event, Instant.now().minus(Duration.ofSeconds(1)));
        assertEquals(Map.of(Decision.SEND, 1L, Decision.ALREADY_HANDLED, (long) RACERS - 1), race(event));
    }

    @Test
    void aSentEmailIsNeverClaimedAgain() {
        NoAccountNotice event = event();
        claimOnce(event);
        deliveries.markSent(event).await().indefinitely();
        moveNextAttempt(event, Instant.now().minusSeconds(3600));
        assertEquals(Map.of(Decision.ALREADY_HANDLED, (long) RACERS), race(event));
        assertEquals("SENT", status(event));
    }

    private Map<Decision, Long> race(NoAccountNotice event) {
        List<Uni<Decision>> claims = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            claims.add(Uni.createFrom().deferred(() -> deliveries.claim(event, "NO_ACCOUNT", null, NoAccountNotice.TOPIC, "{}", null)));
        }
        List<Decision> decided = Uni.join().all(claims).andFailFast().await().atMost(Duration.ofSeconds(30));
        return decided.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private void claimOnce(NoAccountNotice event) {
        assertEquals(Decision.SEND, deliveries.claim(event, "NO_ACCOUNT", null, NoAccountNotice.TOPIC, "{}", null)
                .await().indefinitely());
    }

    private void moveNextAttempt(NoAccountNotice event, Instant when) {
        database.preparedQuery("update notification.delivery set next_attempt_at = $2 where event_id = $1")
                .execute(Tuple.of(event.eventId(), when.atOffset(java.time.ZoneOffset.UTC))).await().indefinitely();
    }

    private String status(NoAccountNotice event) {
        return database.preparedQuery("select status from notification.delivery where event_id = $1")
                .execute(Tuple.of(event.eventId())).await().indefinitely().iterator().next().getString(0);
    }

    private static NoAccountNotice event() {
        return new NoAccountNotice(UUID.randomUUID(), NoAccountNotice.VERSION, "kilpa-" + UUID.randomUUID() + "@example.com",
                "fi", NoAccountNotice.Asked.PASSWORD_LINK, Instant.now());
    }
}

package fi.city.login.notification.messaging;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.infra.quarkus.KafkaTestResource;
import fi.city.login.infra.quarkus.PostgresTestResource;
import fi.city.login.infra.quarkus.SmtpTestResource;
import fi.city.login.notification.delivery.DeliveryLog;
import fi.city.login.notification.delivery.DeliveryLog.Decision;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.TimeoutException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stopping replica: the email it is sending finishes before it lets go, one that cannot finish in time is
 * handed back (another claim takes it at once, not after the ten-minute lease), and nothing begins once the
 * drain has started, even with forty attempts arriving while it runs. (The app stops for good in this test,
 * hence a profile of its own.)
 */
@QuarkusTest
@TestProfile(DeliveryDrainTest.ShortDrain.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class DeliveryDrainTest {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);
    private static final int LATE_ATTEMPTS = 40;

    @Inject
    DeliveryDrain drain;

    @Inject
    DeliveryLog deliveries;

    @Inject
    Pool database;

    @Test
    void aStoppingReplicaFinishesWhatItSendsHandsBackWhatItCannotAndBeginsNothing() throws Exception {
        NoAccountNotice finishing = event();
        NoAccountNotice stuck = event();
        CompletableFuture<Void> finishingSent = new CompletableFuture<>();
        AtomicLong finishedAt = new AtomicLong();
        inFlight(finishing, finishingSent).subscribe().with(done -> finishedAt.set(System.nanoTime()));
        inFlight(stuck, new CompletableFuture<>()).subscribe().with(done -> { });
        awaitClaimed(finishing);
        awaitClaimed(stuck);

        // Forty more attempts arrive while the drain runs; each records whether it began.
        AtomicInteger begun = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(LATE_ATTEMPTS);
        List<Thread> arriving = new ArrayList<>();
        for (int i = 0; i < LATE_ATTEMPTS; i++) {
            Thread thread = new Thread(() -> {
                ready.countDown();
                drain.attempt(UUID.randomUUID(), () -> {
                    begun.incrementAndGet();
                    return Uni.createFrom().voidItem();
                }).subscribe().with(done -> { });
            });
            arriving.add(thread);
        }
        Thread draining = new Thread(() -> {
            try {
                drain.drain(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long drainStarted = System.nanoTime();
        draining.start();
        Thread.sleep(100); // the drain has begun
        arriving.forEach(Thread::start);
        ready.await();
        Thread.sleep(300);
        finishingSent.complete(null);
        draining.join(Duration.ofSeconds(10).toMillis());
        long drainEnded = System.nanoTime();
        for (Thread thread : arriving) {
            thread.join();
        }

        assertTrue(finishedAt.get() > drainStarted, "the email being sent finished while the replica drained");
        assertTrue(Duration.ofNanos(drainEnded - drainStarted).compareTo(DRAIN_TIMEOUT) >= 0,
                "the drain waited for the stuck email up to its timeout");
        assertEquals(0, begun.get(), "none of the attempts that arrived during the drain began");
        AtomicBoolean begunAfter = new AtomicBoolean();
        Uni<Void> after = drain.attempt(UUID.randomUUID(), () -> {
            begunAfter.set(true);
            return Uni.createFrom().voidItem();
        });
        assertThrows(TimeoutException.class, () -> after.await().atMost(Duration.ofMillis(300)));
        assertFalse(begunAfter.get(), "after the drain, an attempt never begins (its record goes to another replica)");
        assertEquals(Decision.SEND, claim(stuck), "the stuck email's claim was handed back: another attempt takes it now");
        assertEquals(Decision.ALREADY_HANDLED, claim(finishing), "the finished attempt kept its claim");
    }

    /** A claimed email whose send ends when {@code sent} completes. */
    private Uni<Void> inFlight(NoAccountNotice event, CompletableFuture<Void> sent) {
        return drain.attempt(event.eventId(), () -> deliveries.claim(event, "NO_ACCOUNT", null, NoAccountNotice.TOPIC, "{}", null)
                .flatMap(decision -> Uni.createFrom().completionStage(sent)));
    }

    private void awaitClaimed(NoAccountNotice event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (database.preparedQuery("select 1 from notification.delivery where event_id = $1 and status = 'SENDING'")
                .execute(Tuple.of(event.eventId())).await().indefinitely().size() == 0) {
            assertTrue(System.nanoTime() < deadline, "the attempt claimed its email");
            Thread.sleep(20);
        }
    }

    private Decision claim(NoAccountNotice event) {
        return deliveries.claim(event, "NO_ACCOUNT", null, NoAccountNotice.TOPIC, "{}", null).await().atMost(Duration.ofSeconds(10));
    }

    private static NoAccountNotice event() {
        return new NoAccountNotice(UUID.randomUUID(), NoAccountNotice.VERSION, "sammuva-" + UUID.randomUUID() + "@example.com",
                "fi", NoAccountNotice.Asked.PASSWORD_LINK, Instant.now());
    }

    public static class ShortDrain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.delivery.drain-timeout", "PT2S");
        }
    }
}

package fi.city.login.identity.credential;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashingPoolTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void refusesWorkBeyondThreadsPlusQueueAtOnceAndAcceptsAgainWhenFree() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HashingPool pool = new HashingPool(vertx, config(1, 1), registry);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Integer> running = pool.submit(() -> {
            release.await();
            return 1;
        }).subscribeAsCompletionStage();
        CompletableFuture<Integer> waiting = pool.submit(() -> 2).subscribeAsCompletionStage();
        CompletableFuture<Integer> refused = pool.submit(() -> 3).subscribeAsCompletionStage();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> refused.get(5, TimeUnit.SECONDS));
        assertInstanceOf(HashingOverloadedException.class, failure.getCause());
        assertEquals(1.0, registry.counter("identity.hashing.refused").count(), "the refusal is counted for ops");
        assertEquals(2.0, registry.get("identity.hashing.admitted").gauge().value(), "one hashing, one waiting");

        release.countDown();
        assertEquals(1, running.get(5, TimeUnit.SECONDS));
        assertEquals(2, waiting.get(5, TimeUnit.SECONDS));
        assertEquals(4, pool.submit(() -> 4).await().atMost(java.time.Duration.ofSeconds(5)));
    }

    private static PasswordConfig config(int threads, int queue) {
        return new PasswordConfig() {
            public int minLength() { return 12; }
            public int maxLength() { return 128; }
            public Argon2 argon2() { return null; }
            public Breached breached() { return null; }
            public Hashing hashing() {
                return new Hashing() {
                    public OptionalInt threads() { return OptionalInt.of(threads); }
                    public int queue() { return queue; }
                };
            }
        };
    }
}

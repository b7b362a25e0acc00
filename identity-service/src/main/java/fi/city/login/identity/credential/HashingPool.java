package fi.city.login.identity.credential;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool for password hashing: as many threads as cores (each Argon2id call holds its memory
 * cost, 19 MiB by default), and a bounded number of waiting jobs. A job beyond that is refused at
 * once with {@link HashingOverloadedException}, which the API answers with 503 and Retry-After,
 * rather than queueing without end and running out of memory. Results come back on the caller's
 * Vert.x context, so reactive database calls can follow.
 */
@ApplicationScoped
public class HashingPool {

    private final WorkerExecutor executor;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Counter refused;

    /** Gauges {@code identity_hashing_admitted} (hashing or waiting) and {@code identity_hashing_capacity}; counter {@code identity_hashing_refused_total}. */
    public HashingPool(Vertx vertx, PasswordConfig config, MeterRegistry registry) {
        int threads = config.hashing().threads().orElse(Runtime.getRuntime().availableProcessors());
        this.executor = vertx.createSharedWorkerExecutor("password-hashing", threads);
        this.capacity = threads + config.hashing().queue();
        registry.gauge("identity.hashing.admitted", admitted);
        registry.gauge("identity.hashing.capacity", capacity);
        this.refused = registry.counter("identity.hashing.refused");
    }

    public <T> Uni<T> submit(Callable<T> job) {
        return Uni.createFrom().deferred(() -> {
            if (admitted.incrementAndGet() > capacity) {
                admitted.decrementAndGet();
                refused.increment();
                return Uni.createFrom().failure(new HashingOverloadedException());
            }
            return executor.executeBlocking(job, false)
                    .onTermination().invoke(admitted::decrementAndGet);
        });
    }

    @PreDestroy
    void close() {
        executor.closeAndAwait();
    }
}

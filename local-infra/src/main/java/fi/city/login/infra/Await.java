package fi.city.login.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in tests for what the servers do in their own time (a restart, a delivery), failing with what was awaited. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        until(what, timeout, Duration.ofMillis(200), condition);
    }

    /** As {@link #until(String, Duration, BooleanSupplier)}, looking every {@code interval}: for a state that lasts briefly. */
    public static void until(String what, Duration timeout, Duration interval, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(interval.toMillis());
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }
}

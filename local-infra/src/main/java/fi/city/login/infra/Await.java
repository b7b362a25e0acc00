package fi.city.login.infra;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in tests for what the servers do in their own time (a restart, a delivery), failing with what was awaited. */
public final class Await {

    private Await() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }
}

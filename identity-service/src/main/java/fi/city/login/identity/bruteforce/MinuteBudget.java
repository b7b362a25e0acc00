package fi.city.login.identity.bruteforce;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most so many of something per minute in this replica: a fixed window, taken without a lock. The
 * budget guards what is the replica's own (its hashing pool), so it lives in memory: a row in PostgreSQL
 * that every login of every replica updated would serialize them all.
 */
final class MinuteBudget {

    private static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();

    private final int perMinute;
    /** The window's start (minutes since the epoch) in the high bits, the count taken in it in the low 24. */
    private final AtomicLong windowAndCount = new AtomicLong();

    MinuteBudget(int perMinute) {
        if (perMinute < 1 || perMinute >= 1 << 24) {
            throw new IllegalArgumentException("a budget per minute is 1 to 16,777,215, not " + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** Takes one from the budget of the minute {@code now} is in; false when that minute's budget is spent. */
    boolean take(Instant now) {
        long window = now.toEpochMilli() / MINUTE_MILLIS;
        while (true) {
            long current = windowAndCount.get();
            long currentWindow = current >>> 24;
            int count = currentWindow == window ? (int) (current & 0xFFFFFF) : 0;
            if (count >= perMinute) {
                return false;
            }
            if (windowAndCount.compareAndSet(current, (window << 24) | (count + 1))) {
                return true;
            }
        }
    }

    /** When the next minute's budget starts. */
    Instant nextWindow(Instant now) {
        return Instant.ofEpochMilli((now.toEpochMilli() / MINUTE_MILLIS + 1) * MINUTE_MILLIS);
    }
}

package fi.city.login.identity.bruteforce;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinuteBudgetTest {

    @Test
    void fortyAtOnceTakeExactlyTheBudgetAndTheNextMinuteStartsAgain() throws Exception {
        MinuteBudget budget = new MinuteBudget(10);
        Instant now = Instant.parse("2026-12-07T12:00:30Z");
        ExecutorService threads = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            takes.add(threads.submit(() -> {
                start.await();
                return budget.take(now);
            }));
        }
        start.countDown();
        int taken = 0;
        for (Future<Boolean> take : takes) {
            taken += take.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(10, taken);
        assertFalse(budget.take(now.plusSeconds(29)), "the same minute's budget is spent");
        assertEquals(Instant.parse("2026-12-07T12:01:00Z"), budget.nextWindow(now));
        assertTrue(budget.take(Instant.parse("2026-12-07T12:01:00Z")), "a new minute, a new budget");
    }
}

package fi.city.login.identity.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Sends many requests at the same moment, as an attacker's burst would, and counts their statuses. */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code count} calls released together; the map tells how many answered each HTTP status. */
    public static Map<Integer, Integer> statuses(int count, IntFunction<Integer> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> request = () -> {
                    start.await();
                    return call.apply(index);
                };
                answers.add(threads.submit(request));
            }
            start.countDown();
            Map<Integer, Integer> counted = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                counted.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return counted;
        } finally {
            threads.shutdownNow();
        }
    }
}

package fi.city.login.identity.bruteforce;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Answers that must not tell known addresses from unknown ones (the identifier step, "forgot your
 * password?", registration) take at least {@code identity.brute-force.minimum-answer-time}, whichever
 * branch they took and whether they succeeded or were refused: the work done for a known address (a
 * link written, an account found) does not show in the timing. The wait is a timer, never a blocked thread.
 */
@ApplicationScoped
public class EvenAnswerTime {

    private final Vertx vertx;
    private final BruteForceConfig config;

    public EvenAnswerTime(Vertx vertx, BruteForceConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Runs the work (a refusal it throws at once included) and answers no sooner than the minimum time. */
    public <T> Uni<T> of(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return Uni.createFrom().<T>deferred(work::get).onItemOrFailure().transformToUni((item, failure) -> {
                long remainingMillis = config.minimumAnswerTime().toMillis() - (System.nanoTime() - started) / 1_000_000;
                Uni<Void> wait = remainingMillis > 0
                        ? Uni.createFrom().emitter(done -> vertx.setTimer(remainingMillis, timer -> done.complete(null)))
                        : Uni.createFrom().voidItem();
                return wait.flatMap(waited -> failure != null ? Uni.createFrom().<T>failure(failure) : Uni.createFrom().item(item));
            });
        });
    }
}

package fi.city.login.identity.bruteforce;

import io.smallrye.mutiny.Uni;

/**
 * A check of a password or a client secret runs from its reservation to its count even when the caller
 * hangs up. Quarkus REST cancels a request's pipeline when its connection closes; cancelled between the
 * reservation and the count, a check would stay counted as a failure, so a resident who clicked twice, or a
 * proxy that gave up waiting, would pile failures on their account and address with the right password
 * until both were paused. Run to its end, the check is counted as it turned out, and its answer is
 * dropped if no one waits for it.
 */
public final class ReservedChecks {

    private ReservedChecks() {
    }

    /** {@code check}, subscribed apart from its caller: the caller's cancellation does not reach it. */
    public static <T> Uni<T> runToTheEnd(Uni<T> check) {
        return Uni.createFrom().emitter(answer -> check.subscribe().with(answer::complete, answer::fail));
    }
}

package fi.city.login.identity.bruteforce;

import fi.city.login.identity.problem.Refusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Bounds the guessing of client secrets at the token endpoint per client and address, apart from password
 * logins: a burst of wrong secrets pauses neither the address's logins nor any other client. Each check is
 * reserved before the secret is compared, as a password check is, so parallel guesses check no more than
 * {@code client-secret-max-failures}; a right secret gives its reservation back. A right secret is never
 * refused, not even while its client and address are paused: another caller's failures must not stop the
 * portal renewing its token, and a registered client's secret is 256 random bits that no pause needs to
 * protect. While paused, a wrong secret is answered 429, not 401. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ClientSecretLimit {

    private final BruteForceGuard guard;
    private final BruteForceConfig config;

    public ClientSecretLimit(BruteForceGuard guard, BruteForceConfig config) {
        this.guard = guard;
        this.config = config;
    }

    /**
     * @param clientKey the client's id if it is registered, or one key for every unknown id (so that made-up
     *                  ids cannot each start a count of their own)
     */
    public static String key(String clientKey, String address) {
        return "client-secret:" + clientKey + "@" + (address == null ? "unknown" : address);
    }

    /** Reserves one check: null once reserved, or the refusal to answer a wrong secret with while paused. */
    public Uni<Refusal> reserve(String key, Instant now) {
        return guard.reserveInWindow(key, config.clientSecretMaxFailures(), now).map(reserved -> (Refusal) null)
                .onFailure(Refusal.class).recoverWithItem(paused -> (Refusal) paused);
    }

    /** The secret was right: its reservation is given back. */
    public Uni<Void> giveBack(String key) {
        return guard.giveBack(key);
    }
}

package fi.city.login.identity.bruteforce;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Slows password guessing, for every replica alike because the counts live in PostgreSQL: an account
 * pauses its logins after consecutive failures, and a client address after many failures over all
 * accounts (password spraying). Counting is atomic in SQL, so concurrent failures are never lost.
 * Runs in the caller's session or transaction: the flow that calls it owns the boundary.
 */
@ApplicationScoped
public class BruteForceGuard {

    /** Upsert with the window arithmetic in one statement; {h-schema} is the service's schema. */
    private static final String RECORD_ADDRESS_FAILURE = """
            insert into {h-schema}login_address_throttle as t (address, failures, window_started_at, blocked_until)
            values (:address, 1, :now, null)
            on conflict (address) do update set
              failures = case when t.window_started_at < :windowStart then 1 else t.failures + 1 end,
              window_started_at = case when t.window_started_at < :windowStart then :now else t.window_started_at end,
              blocked_until = case when t.window_started_at >= :windowStart and t.failures + 1 >= :max
                                   then :blockedUntil else t.blocked_until end
            """;

    private final BruteForceConfig config;

    public BruteForceGuard(BruteForceConfig config) {
        this.config = config;
    }

    /** Refuses with 429 when the address is paused. */
    public Uni<Void> checkAddress(String address, Instant now) {
        if (address == null) {
            return Uni.createFrom().voidItem();
        }
        return LoginAddressThrottle.<LoginAddressThrottle>findById(address).map(throttle -> {
            if (throttle != null && throttle.blockedUntil != null && throttle.blockedUntil.isAfter(now)) {
                throw tooManyAttempts(throttle.blockedUntil, now);
            }
            return null;
        });
    }

    /** Refuses with 429 when the account is paused, before any hashing is spent on it. */
    public void checkAccount(Account account, Instant now) {
        if (account.loginBlockedUntil != null && account.loginBlockedUntil.isAfter(now)) {
            throw tooManyAttempts(account.loginBlockedUntil, now);
        }
    }

    /** Counts a failed login against the account (if any) and the address (if known), in the caller's transaction. */
    public Uni<Void> recordFailure(Account account, String address, Instant now) {
        return countAccountFailure(account, now).flatMap(ignored -> countAddressFailure(address, now));
    }

    private Uni<Void> countAccountFailure(Account account, Instant now) {
        if (account == null) {
            return Uni.createFrom().voidItem();
        }
        return Account.update("failedLogins = case when failedLogins + 1 >= ?1 then 0 else failedLogins + 1 end, "
                        + "loginBlockedUntil = case when failedLogins + 1 >= ?1 then ?2 else loginBlockedUntil end "
                        + "where id = ?3",
                config.accountMaxFailures(), now.plus(config.accountPause()), account.id).replaceWithVoid();
    }

    private Uni<Void> countAddressFailure(String address, Instant now) {
        if (address == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RECORD_ADDRESS_FAILURE)
                .setParameter("address", address)
                .setParameter("now", now)
                .setParameter("windowStart", now.minus(config.addressWindow()))
                .setParameter("max", config.addressMaxFailures())
                .setParameter("blockedUntil", now.plus(config.addressPause()))
                .executeUpdate()).replaceWithVoid();
    }

    /** A successful login starts the account's count again. */
    public Uni<Void> recordSuccess(Account account) {
        if (account.failedLogins == 0 && account.loginBlockedUntil == null) {
            return Uni.createFrom().voidItem();
        }
        return Account.update("failedLogins = 0, loginBlockedUntil = null where id = ?1", account.id).replaceWithVoid();
    }

    private static Refusal tooManyAttempts(Instant blockedUntil, Instant now) {
        return new Refusal(ProblemType.TOO_MANY_ATTEMPTS, Duration.between(now, blockedUntil));
    }
}

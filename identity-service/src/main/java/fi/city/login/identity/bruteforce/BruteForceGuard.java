package fi.city.login.identity.bruteforce;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.OpaqueTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Bounds password guessing exactly, for every replica alike because the counts live in PostgreSQL: each
 * check of a password is <em>reserved</em> by one atomic statement before any hashing, so however many
 * guesses arrive at once, no more are checked than the limit allows. An account pauses its logins after
 * {@code account-max-failures} checks without a success; a client address after
 * {@code address-max-failures} failed checks over all accounts within a window (password spraying).
 * A success gives its reservation back. A browser that logged in to the account before (a
 * {@link KnownDevice}) is counted on its own, so that a stranger's guesses cannot lock the owner out.
 * Runs in the caller's transaction: the flow owns the boundary.
 */
@ApplicationScoped
public class BruteForceGuard {

    /**
     * One more check on a count kept on a row (the account's, or a known browser's), unless that count is
     * paused. A pause that has run out starts a new count; the reservation that reaches the limit starts
     * the pause. {h-schema} is the service's schema.
     */
    private static String reserveCheckOn(String table) {
        return """
                update {h-schema}%s set
                  failed_logins = case when login_blocked_until <= :now then 1 else failed_logins + 1 end,
                  login_blocked_until = case
                      when (case when login_blocked_until <= :now then 1 else failed_logins + 1 end) >= :max then :pausedUntil
                      when login_blocked_until <= :now then null
                      else login_blocked_until end
                where id = :id and (login_blocked_until is null or login_blocked_until <= :now)
                """.formatted(table);
    }

    private static final String RESERVE_ACCOUNT_CHECK = reserveCheckOn("account");
    private static final String RESERVE_DEVICE_CHECK = reserveCheckOn("known_device");

    /**
     * A reserved check that was never made is given back: one less on the count, and a pause lifted if
     * the count no longer reaches the limit (the reservation given back may be the one that started it).
     */
    private static String cancelCheckOn(String table, String count, String pause, String key) {
        return """
                update {h-schema}%1$s set
                  %2$s = %2$s - 1,
                  %3$s = case when %2$s - 1 < :max then null else %3$s end
                where %4$s = :id and %2$s > 0
                """.formatted(table, count, pause, key);
    }

    private static final String CANCEL_ACCOUNT_CHECK = cancelCheckOn("account", "failed_logins", "login_blocked_until", "id");
    private static final String CANCEL_DEVICE_CHECK = cancelCheckOn("known_device", "failed_logins", "login_blocked_until", "id");
    private static final String CANCEL_NO_ACCOUNT_CHECK = cancelCheckOn("login_address_throttle", "failures", "blocked_until", "address");

    /** One more check from the address, unless it is paused; a window that has run out starts a new count. */
    private static final String RESERVE_ADDRESS_CHECK = """
            insert into {h-schema}login_address_throttle as t (address, failures, window_started_at, blocked_until)
            values (:address, 1, :now, case when 1 >= :max then cast(:pausedUntil as timestamptz) end)
            on conflict (address) do update set
              failures = case when t.window_started_at < :windowStart then 1 else t.failures + 1 end,
              window_started_at = case when t.window_started_at < :windowStart then :now else t.window_started_at end,
              blocked_until = case
                  when t.window_started_at < :windowStart then case when 1 >= :max then cast(:pausedUntil as timestamptz) end
                  when t.failures + 1 >= :max then :pausedUntil
                  else t.blocked_until end
            where t.blocked_until is null or t.blocked_until <= :now
            """;

    /**
     * The account's count for an address that has no account (or no password yet), kept under a key
     * derived from the address, with the account's rules exactly: so that an unknown address pauses
     * after as many guesses as a known one, and a guesser cannot tell them apart by the 429.
     */
    private static final String RESERVE_NO_ACCOUNT_CHECK = """
            insert into {h-schema}login_address_throttle as t (address, failures, window_started_at, blocked_until)
            values (:id, 1, :now, case when 1 >= :max then cast(:pausedUntil as timestamptz) end)
            on conflict (address) do update set
              failures = case when t.blocked_until <= :now then 1 else t.failures + 1 end,
              blocked_until = case
                  when (case when t.blocked_until <= :now then 1 else t.failures + 1 end) >= :max then :pausedUntil
                  when t.blocked_until <= :now then null
                  else t.blocked_until end
            where t.blocked_until is null or t.blocked_until <= :now
            """;

    private final BruteForceConfig config;
    private final MinuteBudget unknownBrowsers;

    public BruteForceGuard(BruteForceConfig config) {
        this.config = config;
        this.unknownBrowsers = new MinuteBudget(config.unknownBrowserChecksPerMinute());
    }

    /**
     * Reserves the check of one password, before it is hashed: refused with 429 (and nothing counted)
     * when the address or the account is paused.
     *
     * @param account the account whose password is to be checked, or null when there is none to check
     * @param address the client's address, or null when unknown
     */
    public Uni<Void> reserveCheck(Account account, String address, Instant now) {
        return reserveCheck(account, null, address, now);
    }

    /**
     * As {@link #reserveCheck(Account, String, Instant)}, but a check from a known browser of the account
     * counts on that browser's own count, not on the account's count for unknown browsers: a stranger's
     * guesses pause the account for unknown browsers only.
     */
    public Uni<Void> reserveCheck(Account account, KnownDevice device, String address, Instant now) {
        return reserveAddressCheck(address, now).flatMap(ignored -> device != null
                ? reserve(RESERVE_DEVICE_CHECK, device.id, device.loginBlockedUntil, now)
                : account == null ? Uni.createFrom().voidItem()
                : reserve(RESERVE_ACCOUNT_CHECK, account.id, account.loginBlockedUntil, now).flatMap(reserved -> takeBudget(now)));
    }

    /**
     * A check an unknown browser is about to have hashed takes one from this replica's budget; past it the
     * refusal rolls the caller's transaction back, and with it the reservations just made. Taken last, so
     * that checks refused anyway (a paused account or address) cost no budget.
     */
    private Uni<Void> takeBudget(Instant now) {
        return unknownBrowsers.take(now) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(tooManyAttempts(unknownBrowsers.nextWindow(now), now));
    }

    /** As {@link #reserveCheck(Account, String, Instant)} for an address with no password to check against. */
    public Uni<Void> reserveCheckOfNoAccount(EmailAddress email, String address, Instant now) {
        return reserveAddressCheck(address, now).flatMap(ignored -> reserve(RESERVE_NO_ACCOUNT_CHECK, noAccountKey(email), null, now))
                .flatMap(reserved -> takeBudget(now));
    }

    private static String noAccountKey(EmailAddress email) {
        return "no-account:" + HexFormat.of().formatHex(OpaqueTokens.hash(email.normalized()));
    }

    /**
     * The password was right: its reservation is given back and the count it was made on starts again.
     * Rows are locked in the order a reservation locks them, the address's first, then the account's or
     * the device's: the other order deadlocks against a reservation running at the same moment.
     */
    public Uni<Void> recordSuccess(Account account, KnownDevice device, String address, Instant now) {
        return giveBack(address).flatMap(ignored -> device != null
                ? KnownDevice.update("failedLogins = 0, loginBlockedUntil = null, lastUsedAt = ?1 where id = ?2", now, device.id)
                : Account.update("failedLogins = 0, loginBlockedUntil = null where id = ?1", account.id)).replaceWithVoid();
    }

    /**
     * The reserved check was never made (the hashing pool was full and the caller was told to come back):
     * every count it was made on gets it back, so that a busy server pauses no one. Locks rows in the
     * order a reservation does.
     */
    public Uni<Void> cancelCheck(Account account, KnownDevice device, EmailAddress email, String address) {
        return giveBack(address).flatMap(ignored -> device != null ? cancel(CANCEL_DEVICE_CHECK, device.id)
                : account != null ? cancel(CANCEL_ACCOUNT_CHECK, account.id)
                : cancel(CANCEL_NO_ACCOUNT_CHECK, noAccountKey(email)));
    }

    private Uni<Void> cancel(String statement, Object id) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(statement)
                .setParameter("id", id)
                .setParameter("max", config.accountMaxFailures())
                .executeUpdate()).replaceWithVoid();
    }

    /** The password or secret checked was right: the reservation on the count under this key is given back. */
    public Uni<Void> giveBack(String key) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        // The address's row, then its /48's: the order a reservation locks them in, or the two deadlock.
        String network48 = ClientAddress.network48(key);
        return giveBackOn(key).flatMap(done -> network48 == null ? Uni.createFrom().voidItem() : giveBackOn(network48));
    }

    private static Uni<Void> giveBackOn(String key) {
        return LoginAddressThrottle.update("failures = case when failures > 0 then failures - 1 else 0 end "
                + "where address = ?1", key).replaceWithVoid();
    }

    /** One statement on the account's or the device's row; the same limits apply to both. */
    private Uni<Void> reserve(String statement, Object id, Instant knownPause, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(statement)
                .setParameter("id", id)
                .setParameter("now", now)
                .setParameter("max", config.accountMaxFailures())
                .setParameter("pausedUntil", now.plus(config.accountPause()))
                .executeUpdate()).flatMap(reserved -> reserved == 1 ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(tooManyAttempts(pausedUntil(knownPause, now, config.accountPause()), now)));
    }

    /** The address's count, and its /48's for an IPv6 address. */
    private Uni<Void> reserveAddressCheck(String address, Instant now) {
        if (address == null) {
            return Uni.createFrom().voidItem();
        }
        String network48 = ClientAddress.network48(address);
        return reserveInWindow(address, config.addressMaxFailures(), now)
                .flatMap(reserved -> network48 == null ? Uni.createFrom().voidItem()
                        : reserveInWindow(network48, config.network48MaxFailures(), now));
    }

    /**
     * One more failure on the count kept under {@code key} in the address table: a window of
     * {@code address-window}, a pause of {@code address-pause} once {@code max} is reached. Refused with 429
     * while the key is paused. Other counts than the address's (client secrets) keep their rows here too,
     * under keys of their own.
     */
    Uni<Void> reserveInWindow(String key, int max, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(RESERVE_ADDRESS_CHECK)
                        .setParameter("address", key)
                        .setParameter("now", now)
                        .setParameter("windowStart", now.minus(config.addressWindow()))
                        .setParameter("max", max)
                        .setParameter("pausedUntil", now.plus(config.addressPause()))
                        .executeUpdate())
                .flatMap(reserved -> reserved == 1 ? Uni.createFrom().voidItem()
                        : LoginAddressThrottle.<LoginAddressThrottle>findById(key).flatMap(throttle ->
                        Uni.createFrom().failure(tooManyAttempts(pausedUntil(
                                throttle == null ? null : throttle.blockedUntil, now, config.addressPause()), now))));
    }


    /** When a pause ends; the configured length if another request started it a moment ago. */
    private static Instant pausedUntil(Instant known, Instant now, Duration pause) {
        return known != null && known.isAfter(now) ? known : now.plus(pause);
    }

    private static Refusal tooManyAttempts(Instant pausedUntil, Instant now) {
        return new Refusal(ProblemType.TOO_MANY_ATTEMPTS, Duration.between(now, pausedUntil));
    }
}

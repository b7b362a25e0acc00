package fi.city.login.identity.bruteforce;

import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.token.OpaqueTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Hourly caps on email, counted in PostgreSQL for every replica alike by one conditional upsert: at most
 * {@code identity.brute-force.email-requests-per-address} requests that may send an email (a password
 * link, a registration, a no-account notice) per client address, and at most
 * {@code no-account-notices-per-recipient} no-account notices to one address (accounts have their own
 * cap on links, in {@code EmailedLinks}). Past a cap the flow sends nothing and answers as if it had:
 * the caller learns nothing, and the suite cannot be used to flood mailboxes. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class EmailRequestLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    /** One more request, unless the address has had its hour's worth; a window that ran out starts anew. */
    private static final String COUNT_REQUEST = """
            insert into {h-schema}email_request_throttle as t (address, window_started_at, requests)
            values (:address, :now, 1)
            on conflict (address) do update set
              requests = case when t.window_started_at < :windowStart then 1 else t.requests + 1 end,
              window_started_at = case when t.window_started_at < :windowStart then :now else t.window_started_at end
            where t.window_started_at < :windowStart or t.requests < :max
            """;

    private final BruteForceConfig config;

    public EmailRequestLimit(BruteForceConfig config) {
        this.config = config;
    }

    /** Whether this request may send an email; counts it if so. An unknown client address is not limited here. */
    public Uni<Boolean> allow(String clientAddress, Instant now) {
        if (clientAddress == null) {
            return Uni.createFrom().item(true);
        }
        return count(clientAddress, config.emailRequestsPerAddress(), now);
    }

    /**
     * Whether a no-account notice may go to this address; counts it if so. The row is keyed by a hash of
     * the address, so the table holds no address that never had an account.
     */
    public Uni<Boolean> allowNoAccountNotice(EmailAddress recipient, Instant now) {
        String key = "notice-to:" + HexFormat.of().formatHex(OpaqueTokens.hash(recipient.normalized()));
        return count(key, config.noAccountNoticesPerRecipient(), now);
    }

    private Uni<Boolean> count(String key, int max, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COUNT_REQUEST)
                .setParameter("address", key)
                .setParameter("now", now)
                .setParameter("windowStart", now.minus(WINDOW))
                .setParameter("max", max)
                .executeUpdate()).map(counted -> counted == 1);
    }
}

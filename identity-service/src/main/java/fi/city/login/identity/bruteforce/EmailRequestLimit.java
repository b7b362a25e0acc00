package fi.city.login.identity.bruteforce;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code identity.brute-force.email-requests-per-address} requests that may send an email (a
 * password link, a registration) per client address and hour, counted in PostgreSQL for every replica
 * alike. Past it the flow sends nothing and answers as if it had: the caller learns nothing, and an
 * address cannot use the suite to flood mailboxes. Runs in the caller's transaction.
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

    /** Whether this request may send an email; counts it if so. An unknown address is not limited here. */
    public Uni<Boolean> allow(String address, Instant now) {
        if (address == null) {
            return Uni.createFrom().item(true);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COUNT_REQUEST)
                .setParameter("address", address)
                .setParameter("now", now)
                .setParameter("windowStart", now.minus(WINDOW))
                .setParameter("max", config.emailRequestsPerAddress())
                .executeUpdate()).map(counted -> counted == 1);
    }
}

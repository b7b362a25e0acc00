package fi.city.login.identity.link;

import fi.city.login.identity.account.Account;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;

/**
 * What issuing a link needs to know of the account's earlier links, read in one statement: when its newest
 * open link was sent (null with none open), how many links it was sent in the last hour, and how many are
 * neither used nor revoked (expired ones included: a new link revokes them too).
 */
record RecentLinks(Instant newestOpen, long lastHour, long unspent) {

    private static final String QUERY = "select new fi.city.login.identity.link.RecentLinks("
            + "max(l.createdAt) filter (where l.usedAt is null and l.revokedAt is null and l.expiresAt > :now), "
            + "count(l) filter (where l.createdAt > :hourAgo), "
            + "count(l) filter (where l.usedAt is null and l.revokedAt is null)) "
            + "from PasswordLink l where l.account = :account";

    static Uni<RecentLinks> of(Account account, Instant now) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(QUERY, RecentLinks.class)
                .setParameter("account", account)
                .setParameter("now", now)
                .setParameter("hourAgo", now.minus(Duration.ofHours(1)))
                .getSingleResult());
    }
}

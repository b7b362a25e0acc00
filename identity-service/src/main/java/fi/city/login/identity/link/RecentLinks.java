package fi.city.login.identity.link;

import fi.city.login.identity.account.Account;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.time.Instant;

/**
 * What issuing a link needs to know of the account's earlier links of one action, read in one statement:
 * when its newest open link to the same address was sent (null with none open), how many links it was
 * sent in the last hour, and how many are neither spent nor revoked (expired ones included: a new link
 * revokes them too).
 */
record RecentLinks(Instant newestOpenAlike, long lastHour, long unspent) {

    private static final String QUERY = "select new fi.city.login.identity.link.RecentLinks("
            + "max(l.createdAt) filter (where l.spentAt is null and l.revokedAt is null and l.expiresAt > :now "
            + "and coalesce(l.newEmailNormalized, '') = :address), "
            + "count(l) filter (where l.createdAt > :hourAgo), "
            + "count(l) filter (where l.spentAt is null and l.revokedAt is null)) "
            + "from EmailedLink l where l.account = :account and l.action = :action";

    /** @param address the normalized address the new link would carry, or "" for none */
    static Uni<RecentLinks> of(Account account, LinkKind.Action action, String address, Instant now) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(QUERY, RecentLinks.class)
                .setParameter("account", account)
                .setParameter("action", action)
                .setParameter("address", address)
                .setParameter("now", now)
                .setParameter("hourAgo", now.minus(Duration.ofHours(1)))
                .getSingleResult());
    }
}

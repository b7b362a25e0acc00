package fi.city.login.identity.bruteforce;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.token.OpaqueTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): after a successful
 * login the browser gets a random token bound to the account; presented again, it marks the login as
 * coming from a known browser. Runs in the caller's session or transaction.
 */
@ApplicationScoped
public class KnownDevices {

    /** The most recently used browsers an account keeps; older ones must log in as unknown once more. */
    static final int KEPT_PER_ACCOUNT = 20;
    private static final String FORGET_LEAST_RECENT = """
            delete from {h-schema}known_device where account_id = :account and id not in (
                select id from {h-schema}known_device where account_id = :account order by last_used_at desc limit :kept)""";

    /** The known browser of this account that the token names, or null. */
    public Uni<KnownDevice> find(String token, Account account) {
        if (!OpaqueTokens.isWellFormed(token) || account == null) {
            return Uni.createFrom().nullItem();
        }
        return KnownDevice.<KnownDevice>find("tokenHash = ?1 and account.id = ?2", OpaqueTokens.hash(token), account.id)
                .firstResult();
    }

    /** A browser that just logged in from the unknown side becomes known: its raw token goes to its cookie. */
    public Uni<String> remember(Account account, Instant now) {
        String token = OpaqueTokens.generate();
        KnownDevice device = new KnownDevice();
        device.id = UUID.randomUUID();
        device.account = account;
        device.tokenHash = OpaqueTokens.hash(token);
        device.createdAt = now;
        device.lastUsedAt = now;
        return device.persist()
                .flatMap(saved -> Panache.getSession())
                .flatMap(session -> session.createNativeQuery(FORGET_LEAST_RECENT).setParameter("account", account.id)
                        .setParameter("kept", KEPT_PER_ACCOUNT).executeUpdate())
                .replaceWith(token);
    }
}

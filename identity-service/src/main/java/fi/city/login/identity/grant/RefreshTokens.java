package fi.city.login.identity.grant;

import fi.city.login.identity.session.Session;
import fi.city.login.identity.token.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Refresh tokens, rotated on every use: each is spent by one conditional update, so of any number of
 * simultaneous uses one wins, and a spent token presented again revokes its whole family (RFC 9700
 * §4.14.2): one of the two presenters is not the e-service. Runs in the caller's transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    /** A new token of the family; it lives no longer than the session it belongs to. */
    public Uni<String> issue(UUID familyId, String clientId, Session session, String scope, Instant authTime, Instant now) {
        String token = OpaqueTokens.generate();
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tokenHash = OpaqueTokens.hash(token);
        row.familyId = familyId;
        row.clientId = clientId;
        row.account = session.account;
        row.session = session;
        row.scope = scope;
        row.authTime = authTime;
        row.createdAt = now;
        row.expiresAt = session.expiresAt;
        return row.persist().replaceWith(token);
    }

    /** The token the raw value names, spent, revoked or not; null when there is none. */
    public Uni<RefreshToken> find(String token) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Uni.createFrom().nullItem();
        }
        return RefreshToken.<RefreshToken>find("from RefreshToken r join fetch r.session where r.tokenHash = ?1",
                (Object) OpaqueTokens.hash(token)).firstResult();
    }

    /** Marks the token used; false when it was spent, revoked or expired by the time this ran. */
    public Uni<Boolean> spend(RefreshToken token, Instant now) {
        return RefreshToken.update("usedAt = ?1 where id = ?2 and usedAt is null and revokedAt is null and expiresAt > ?1",
                now, token.id).map(updated -> updated == 1);
    }

    /** Every live token of the family stops working; answers how many. */
    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    /** Every live token of the account stops working (a new password): answers how many. */
    public Uni<Integer> revokeAll(UUID accountId, Instant now) {
        return RefreshToken.update("revokedAt = ?1 where account.id = ?2 and revokedAt is null", now, accountId);
    }
}

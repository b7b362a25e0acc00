package fi.city.login.identity.grant;

import fi.city.login.identity.session.Session;
import fi.city.login.identity.token.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issues authorization codes and redeems each at most once: the database decides which of any number of
 * simultaneous redemptions wins (one conditional update). Runs in the caller's transaction.
 */
@ApplicationScoped
public class AuthorizationCodes {

    private final OidcConfig config;

    public AuthorizationCodes(OidcConfig config) {
        this.config = config;
    }

    /** A new code for the resident of {@code session}; the raw code goes to the e-service and nowhere else. */
    public Uni<String> issue(String clientId, Session session, String redirectUri, List<String> scopes,
                             String codeChallenge, String nonce, Instant now) {
        String code = OpaqueTokens.generate();
        AuthorizationCode row = new AuthorizationCode();
        row.id = UUID.randomUUID();
        row.codeHash = OpaqueTokens.hash(code);
        row.clientId = clientId;
        row.account = session.account;
        row.session = session;
        row.redirectUri = redirectUri;
        row.scope = String.join(" ", scopes);
        row.codeChallenge = codeChallenge;
        row.nonce = nonce;
        row.authTime = session.createdAt;
        row.createdAt = now;
        row.expiresAt = now.plus(config.codeLifetime());
        return row.persist().replaceWith(code);
    }

    /** The code the raw value names, spent or not; null when there is none. */
    public Uni<AuthorizationCode> find(String code) {
        if (!OpaqueTokens.isWellFormed(code)) {
            return Uni.createFrom().nullItem();
        }
        return AuthorizationCode.<AuthorizationCode>find("from AuthorizationCode c join fetch c.session where c.codeHash = ?1",
                (Object) OpaqueTokens.hash(code)).firstResult();
    }

    /** Marks the code used; false when another redemption got there first (or it expired meanwhile). */
    public Uni<Boolean> spend(AuthorizationCode code, Instant now) {
        return AuthorizationCode.update("usedAt = ?1 where id = ?2 and usedAt is null and expiresAt > ?1", now, code.id)
                .map(updated -> updated == 1);
    }
}

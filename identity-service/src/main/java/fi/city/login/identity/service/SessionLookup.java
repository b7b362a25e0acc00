package fi.city.login.identity.service;

import fi.city.login.identity.domain.Session;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Resolves and ends portal sessions by their raw token. */
@ApplicationScoped
public class SessionLookup {

    public Uni<Session> current(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return Uni.createFrom().failure(FlowError.SESSION_INVALID.exception());
        }
        return Panache.withSession(() -> Session.findActive(SecureTokens.hash(sessionToken), Instant.now()))
                .onItem().ifNull().failWith(FlowError.SESSION_INVALID::exception);
    }

    /** Logout: the session stops working on the server, whatever the browser keeps. Idempotent. */
    public Uni<Void> revoke(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Session.update(
                "revokedAt = ?1 where tokenHash = ?2 and revokedAt is null", Instant.now(),
                SecureTokens.hash(sessionToken))).replaceWithVoid();
    }
}

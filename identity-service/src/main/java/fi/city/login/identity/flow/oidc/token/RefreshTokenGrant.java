package fi.city.login.identity.flow.oidc.token;

import fi.city.login.identity.grant.RefreshToken;
import fi.city.login.identity.grant.RefreshTokens;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.RegisteredClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The refresh token grant (RFC 6749 §6) with rotation: each use spends the token and answers the family's
 * next one. A spent token presented again revokes the family. Using a refresh token is using the session:
 * it ends with the session and keeps it from its idle timeout.
 */
@ApplicationScoped
class RefreshTokenGrant {

    private final RefreshTokens refreshTokens;
    private final Sessions sessions;
    private final ResidentTokens tokens;
    private final TokenReplay replay;

    RefreshTokenGrant(RefreshTokens refreshTokens, Sessions sessions, ResidentTokens tokens, TokenReplay replay) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.tokens = tokens;
        this.replay = replay;
    }

    Uni<Response> refresh(RegisteredClient client, Map<String, String> form, String address) {
        String presented = form.get("refresh_token");
        if (presented == null) {
            return Uni.createFrom().item(OAuthError.invalidRequest("refresh_token is required"));
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> refreshTokens.find(presented).flatMap(found -> {
            if (found == null || !found.clientId.equals(client.id())) {
                return Uni.createFrom().item(OAuthError.invalidGrant());
            }
            if (found.usedAt != null && found.revokedAt == null) {
                return replayed(found, address, now);
            }
            if (found.revokedAt != null || !found.expiresAt.isAfter(now)) {
                return Uni.createFrom().item(OAuthError.invalidGrant());
            }
            List<String> granted = List.of(found.scope.split(" "));
            String asked = form.get("scope");
            List<String> scopes = asked == null || asked.isBlank() ? granted : List.of(asked.strip().split("\\s+"));
            if (!granted.containsAll(scopes)) {
                return Uni.createFrom().item(OAuthError.of(400, "invalid_scope"));
            }
            return refreshTokens.spend(found, now).flatMap(spent -> !spent ? replayed(found, address, now)
                    : sessions.live(found.session.id).flatMap(session -> session == null
                    ? Uni.createFrom().item(OAuthError.invalidGrant())
                    : sessions.touch(session, now).flatMap(touched -> tokens.issue(session, client.id(), scopes, null,
                    found.authTime, found.familyId, now))));
        }));
    }

    private Uni<Response> replayed(RefreshToken token, String address, Instant now) {
        return replay.revokeFamily(token.familyId, token.session.account.id, "refresh token", token.clientId, address, now);
    }
}

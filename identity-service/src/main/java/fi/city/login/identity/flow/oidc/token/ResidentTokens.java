package fi.city.login.identity.flow.oidc.token;

import fi.city.login.identity.session.AuthenticationMethods;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.grant.RefreshTokens;
import fi.city.login.identity.token.AccessTokenIssuer;
import fi.city.login.identity.token.AccessTokenIssuer.AccessToken;
import fi.city.login.identity.token.IdTokenIssuer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tokens an e-service gets for a resident, from a code or a refresh token: an access token, an ID
 * token and the family's next refresh token. Runs in the caller's transaction (the refresh token is stored).
 */
@ApplicationScoped
class ResidentTokens {

    private final AccessTokenIssuer accessTokens;
    private final IdTokenIssuer idTokens;
    private final RefreshTokens refreshTokens;

    ResidentTokens(AccessTokenIssuer accessTokens, IdTokenIssuer idTokens, RefreshTokens refreshTokens) {
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
        this.refreshTokens = refreshTokens;
    }

    /**
     * @param session the live session, with its account
     * @param nonce   the authorization request's nonce; null on a refresh
     */
    Uni<Response> issue(Session session, String clientId, List<String> scopes, String nonce, Instant authTime,
                        UUID familyId, Instant now) {
        String scope = String.join(" ", scopes);
        return refreshTokens.issue(familyId, clientId, session, scope, authTime, now).map(refreshToken -> {
            AccessToken access = accessTokens.issueForResidentAt(session.account, clientId, scopes, session.id);
            String idToken = idTokens.issue(session.account, clientId, scopes, nonce, authTime, session.id,
                    session.methods(), AuthenticationMethods.acr(session.amr));
            return Response.ok(new TokenResponse(access.jwt(), "Bearer",
                            Duration.between(Instant.now(), access.expiresAt()).toSeconds(), scope, refreshToken, idToken))
                    .header("Cache-Control", "no-store").build();
        });
    }
}

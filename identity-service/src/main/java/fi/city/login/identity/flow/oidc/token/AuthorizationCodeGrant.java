package fi.city.login.identity.flow.oidc.token;

import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.grant.AuthorizationCode;
import fi.city.login.identity.grant.AuthorizationCodes;
import fi.city.login.identity.grant.Pkce;
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
 * The authorization code grant (RFC 6749 §4.1.3 with PKCE): the code, the redirect URI it was sent to and
 * the PKCE verifier, from the client it was issued to. A code is spent once; a spent code presented again
 * revokes the refresh tokens issued from it (RFC 6749 §4.1.2).
 */
@ApplicationScoped
class AuthorizationCodeGrant {

    private final AuthorizationCodes codes;
    private final Sessions sessions;
    private final ResidentTokens tokens;
    private final TokenReplay replay;
    private final AuditTrail audit;

    AuthorizationCodeGrant(AuthorizationCodes codes, Sessions sessions, ResidentTokens tokens, TokenReplay replay,
                           AuditTrail audit) {
        this.codes = codes;
        this.sessions = sessions;
        this.tokens = tokens;
        this.replay = replay;
        this.audit = audit;
    }

    Uni<Response> exchange(RegisteredClient client, Map<String, String> form, String address) {
        String code = form.get("code");
        String redirectUri = form.get("redirect_uri");
        String verifier = form.get("code_verifier");
        if (code == null || redirectUri == null) {
            return Uni.createFrom().item(OAuthError.invalidRequest("code and redirect_uri are required"));
        }
        if (verifier == null) {
            return Uni.createFrom().item(OAuthError.invalidRequest("code_verifier is required (PKCE)"));
        }
        Instant now = Instant.now();
        // Every outcome is an answer, not a failure: a replay's revocation must commit with the refusal.
        return Panache.withTransaction(() -> codes.find(code).flatMap(found -> {
            if (found == null || !found.clientId.equals(client.id()) || !found.redirectUri.equals(redirectUri)) {
                return Uni.createFrom().item(OAuthError.invalidGrant());
            }
            if (found.usedAt != null) {
                return replayed(found, address, now);
            }
            if (!found.expiresAt.isAfter(now) || !Pkce.matches(verifier, found.codeChallenge)) {
                return Uni.createFrom().item(OAuthError.invalidGrant());
            }
            return codes.spend(found, now).flatMap(spent -> !spent ? replayed(found, address, now)
                    : sessions.live(found.session.id).flatMap(session -> session == null
                    ? Uni.createFrom().item(OAuthError.invalidGrant())
                    : audit.record(AuditKind.ESERVICE_LOGIN, session.account.id, address, "client " + client.id())
                    .flatMap(recorded -> tokens.issue(session, client.id(), List.of(found.scope.split(" ")), found.nonce,
                            found.authTime, found.id, now))));
        }));
    }

    /** The code's family is the refresh tokens issued from it: its id is theirs. */
    private Uni<Response> replayed(AuthorizationCode code, String address, Instant now) {
        return replay.revokeFamily(code.id, code.session.account.id, "authorization code", code.clientId, address, now);
    }
}

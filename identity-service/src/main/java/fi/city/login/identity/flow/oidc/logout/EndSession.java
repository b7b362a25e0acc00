package fi.city.login.identity.flow.oidc.logout;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.oidc.LogoutRequest;
import fi.city.login.identity.api.oidc.LogoutResponse;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.IdTokenHints;
import fi.city.login.identity.token.RegisteredClient;
import fi.city.login.identity.token.RegisteredClients;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), checked for the portal that serves the
 * end-session endpoint: the resident is sent on only to a post-logout URI registered for the e-service that
 * asks, named by its ID token or its client id. The session ends at once only when the ID token was issued
 * in the browser's own session (its {@code sid}); any other request is confirmed by the resident. The
 * portal ends the session itself.
 */
@ApplicationScoped
class EndSession {

    private final RegisteredClients clients;
    private final IdTokenHints hints;
    private final Sessions sessions;

    EndSession(RegisteredClients clients, IdTokenHints hints, Sessions sessions) {
        this.clients = clients;
        this.hints = hints;
        this.sessions = sessions;
    }

    Uni<LogoutResponse> check(String sessionToken, LogoutRequest request) {
        Optional<IdTokenHints.Hint> hint = hints.read(request.idTokenHint());
        if (request.idTokenHint() != null && !request.idTokenHint().isBlank() && hint.isEmpty()) {
            return Refusal.as(ProblemType.INVALID_REQUEST);
        }
        Optional<String> hinted = hint.map(IdTokenHints.Hint::clientId);
        if (hinted.isPresent() && request.clientId() != null && !hinted.get().equals(request.clientId())) {
            return Refusal.as(ProblemType.INVALID_REQUEST);
        }
        String uri = request.postLogoutRedirectUri();
        if (uri != null && !uri.isBlank()) {
            RegisteredClient client = clients.find(hinted.orElse(request.clientId())).orElse(null);
            if (client == null) {
                return Refusal.as(ProblemType.UNKNOWN_CLIENT);
            }
            if (!client.allowsPostLogoutRedirect(uri)) {
                return Refusal.as(ProblemType.REDIRECT_URI_NOT_REGISTERED);
            }
        } else {
            uri = null;
        }
        String redirectUri = uri;
        return liveSession(sessionToken).map(session -> {
            boolean ownSession = session != null && hint.isPresent() && hint.get().sessionId().equals(session.id.toString());
            return new LogoutResponse(ownSession, session != null, redirectUri);
        });
    }

    /** The browser's live session, or null: a missing, ended or unknown one is no session to end. */
    private Uni<Session> liveSession(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> sessions.current(sessionToken)).onFailure(Refusal.class).recoverWithNull();
    }
}

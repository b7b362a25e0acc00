package fi.city.login.identity.flow.oauth2;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.oidc.LogoutRequest;
import fi.city.login.identity.api.oidc.LogoutResponse;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.IdTokenHints;
import fi.city.login.identity.token.RegisteredClient;
import fi.city.login.identity.token.RegisteredClients;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), checked for the portal that serves the
 * end-session endpoint: the resident is sent on only to a post-logout URI registered for the e-service that
 * asks, named by its ID token or its client id. The portal ends the session itself.
 */
@ApplicationScoped
class EndSession {

    private final RegisteredClients clients;
    private final IdTokenHints hints;

    EndSession(RegisteredClients clients, IdTokenHints hints) {
        this.clients = clients;
        this.hints = hints;
    }

    LogoutResponse check(LogoutRequest request) {
        Optional<String> hinted = hints.clientOf(request.idTokenHint());
        if (request.idTokenHint() != null && !request.idTokenHint().isBlank() && hinted.isEmpty()) {
            throw new Refusal(ProblemType.INVALID_REQUEST);
        }
        if (hinted.isPresent() && request.clientId() != null && !hinted.get().equals(request.clientId())) {
            throw new Refusal(ProblemType.INVALID_REQUEST);
        }
        String uri = request.postLogoutRedirectUri();
        if (uri != null && !uri.isBlank()) {
            RegisteredClient client = clients.find(hinted.orElse(request.clientId()))
                    .orElseThrow(() -> new Refusal(ProblemType.UNKNOWN_CLIENT));
            if (!client.allowsPostLogoutRedirect(uri)) {
                throw new Refusal(ProblemType.REDIRECT_URI_NOT_REGISTERED);
            }
            return new LogoutResponse(hinted.isPresent(), uri);
        }
        return new LogoutResponse(hinted.isPresent(), null);
    }
}

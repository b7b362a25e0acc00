package fi.city.login.identity.flow.oidc.token;

import fi.city.login.identity.bruteforce.ClientSecretLimit;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.token.RegisteredClient;
import fi.city.login.identity.token.RegisteredClients;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Who is calling the token endpoint: a confidential client by its secret (HTTP Basic or form fields), a
 * public client by its id alone (it proves itself with PKCE). Guessing secrets is limited per client and
 * address, apart from password logins ({@link ClientSecretLimit}); a right secret is never refused.
 */
@ApplicationScoped
class ClientAuthentication {

    private final RegisteredClients clients;
    private final ClientSecretLimit limit;

    ClientAuthentication(RegisteredClients clients, ClientSecretLimit limit) {
        this.clients = clients;
        this.limit = limit;
    }

    /** The client, or a failure {@link OAuthError.Raised} with {@code invalid_client} (or a pause, as a Refusal). */
    Uni<RegisteredClient> authenticate(Map<String, String> form, String authorization, String address) {
        String[] basic = basicCredentials(authorization);
        String id = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        if (basic != null && form.containsKey("client_secret")) {
            return Uni.createFrom().failure(new OAuthError.Raised(OAuthError.invalidRequest("one client authentication method at a time")));
        }
        if (secret == null) {
            return clients.find(id).filter(RegisteredClient::isPublic)
                    .map(client -> Uni.createFrom().item(client))
                    .orElseGet(() -> Uni.createFrom().failure(new OAuthError.Raised(invalidClient())));
        }
        String key = ClientSecretLimit.key(clients.find(id).isPresent() ? id : "(unknown)", address);
        return ReservedChecks.runToTheEnd(Panache.withTransaction(() -> limit.reserve(key, Instant.now()))
                .flatMap(paused -> clients.authenticate(id, secret)
                        .map(client -> paused != null ? Uni.createFrom().item(client)
                                : Panache.withTransaction(() -> limit.giveBack(key)).replaceWith(client))
                        .orElseGet(() -> Uni.createFrom().failure(paused != null ? paused
                                : new OAuthError.Raised(invalidClient())))));
    }

    private static Response invalidClient() {
        return Response.fromResponse(OAuthError.of(401, "invalid_client"))
                .header("WWW-Authenticate", "Basic realm=\"city-login\"").build();
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

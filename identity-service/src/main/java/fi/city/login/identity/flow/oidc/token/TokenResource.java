package fi.city.login.identity.flow.oidc.token;

import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.bruteforce.ClientAddress;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.AccessTokenIssuer;
import fi.city.login.identity.token.AccessTokenIssuer.AccessToken;
import fi.city.login.identity.token.RegisteredClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0's token endpoint (RFC 6749): client credentials for the portal and city systems, the
 * authorization code (with PKCE) and refresh token grants for e-services that log residents in. Errors
 * use OAuth's own format, as clients expect.
 */
@Path("/oauth2/token")
public class TokenResource {

    private static final java.util.Set<String> GRANT_TYPES = java.util.Set.of("client_credentials", "authorization_code", "refresh_token");

    private final ClientAuthentication clientAuthentication;
    private final AuthorizationCodeGrant authorizationCode;
    private final RefreshTokenGrant refreshToken;
    private final AccessTokenIssuer accessTokens;
    private final AuditTrail audit;

    public TokenResource(ClientAuthentication clientAuthentication, AuthorizationCodeGrant authorizationCode,
                         RefreshTokenGrant refreshToken, AccessTokenIssuer accessTokens, AuditTrail audit) {
        this.clientAuthentication = clientAuthentication;
        this.authorizationCode = authorizationCode;
        this.refreshToken = refreshToken;
        this.accessTokens = accessTokens;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context HttpServerRequest connection) {
        Map<String, String> form = TokenRequestForm.parse(body);
        if (form == null) {
            return Uni.createFrom().item(OAuthError.of(400, "invalid_request"));
        }
        String grantType = form.get("grant_type");
        if (grantType == null || !GRANT_TYPES.contains(grantType)) {
            return Uni.createFrom().item(OAuthError.of(400, "unsupported_grant_type"));
        }
        String address = ClientAddress.of(null, connection);
        return clientAuthentication.authenticate(form, authorization, address)
                .flatMap(client -> switch (grantType) {
                    case "authorization_code" -> allowedFlow(client) ? authorizationCode.exchange(client, form, address)
                            : Uni.createFrom().item(OAuthError.of(400, "unauthorized_client"));
                    case "refresh_token" -> allowedFlow(client) ? refreshToken.refresh(client, form, address)
                            : Uni.createFrom().item(OAuthError.of(400, "unauthorized_client"));
                    default -> clientCredentials(client, form.get("scope"), address);
                })
                .onFailure(OAuthError.Raised.class).recoverWithItem(raised -> ((OAuthError.Raised) raised).response)
                .onFailure(Refusal.class).recoverWithItem(paused -> Response.fromResponse(OAuthError.of(429, "slow_down"))
                        .header("Retry-After", ((Refusal) paused).retryAfter().map(Duration::toSeconds).orElse(60L))
                        .build());
    }

    /** Only a client registered with redirect URIs logs residents in. */
    private static boolean allowedFlow(RegisteredClient client) {
        return client.config().redirectUris().map(uris -> !uris.isEmpty()).orElse(false);
    }

    /** A city system's own token, for identity-service's APIs; a public client has no identity of its own to prove. */
    private Uni<Response> clientCredentials(RegisteredClient client, String scope, String address) {
        if (client.isPublic()) {
            return Uni.createFrom().item(OAuthError.of(400, "unauthorized_client"));
        }
        return client.apiScopes(scope)
                .map(granted -> Panache.withTransaction(() -> audit.record(AuditKind.CLIENT_TOKEN_ISSUED, null, address,
                        "client " + client.id())).replaceWith(() -> issued(client.id(), granted)))
                .orElseGet(() -> Uni.createFrom().item(OAuthError.of(400, "invalid_scope")));
    }

    private Response issued(String clientId, List<String> granted) {
        AccessToken token = accessTokens.issueForClient(clientId, granted);
        return Response.ok(new TokenResponse(token.jwt(), "Bearer",
                Duration.between(Instant.now(), token.expiresAt()).toSeconds(), String.join(" ", granted), null, null))
                .header("Cache-Control", "no-store").build();
    }
}

package fi.city.login.identity.flow.clientcredentials;

import com.fasterxml.jackson.annotation.JsonProperty;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.bruteforce.BruteForceGuard;
import fi.city.login.identity.bruteforce.ClientAddress;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.AccessTokenIssuer.AccessToken;
import fi.city.login.identity.token.AccessTokenIssuer;
import fi.city.login.identity.token.ClientCredentials;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The client credentials flow: OAuth 2.0's token endpoint (RFC 6749) for the portal and other city
 * systems, with the client authenticated by HTTP Basic or by form fields. Guessing client secrets counts
 * against the caller's address like guessing passwords (429 with Retry-After past the limit). Errors use
 * OAuth's own format, as clients expect.
 */
@Path("/oauth2/token")
public class TokenResource {

    private final ClientCredentials clients;
    private final AccessTokenIssuer tokens;
    private final BruteForceGuard bruteForce;
    private final AuditTrail audit;

    public TokenResource(ClientCredentials clients, AccessTokenIssuer tokens, BruteForceGuard bruteForce, AuditTrail audit) {
        this.audit = audit;
        this.clients = clients;
        this.tokens = tokens;
        this.bruteForce = bruteForce;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context HttpServerRequest connection) {
        Map<String, String> form = TokenRequestForm.parse(body);
        if (form == null) {
            return Uni.createFrom().item(error(400, "invalid_request"));
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Uni.createFrom().item(error(400, "unsupported_grant_type"));
        }
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        String scope = form.get("scope");
        String[] basic = basicCredentials(authorization);
        String id = basic != null ? basic[0] : clientId;
        String secret = basic != null ? basic[1] : clientSecret;
        String address = ClientAddress.of(null, connection);
        return Panache.withTransaction(() -> bruteForce.reserveCheck(null, address, Instant.now()))
                .flatMap(reserved -> clients.authenticate(id, secret)
                        .map(client -> clients.grant(client, scope)
                                .map(granted -> Panache.withTransaction(() -> bruteForce.giveBack(address)
                                                .call(() -> audit.record(AuditKind.CLIENT_TOKEN_ISSUED, null, address, "client " + id)))
                                        .replaceWith(() -> issued(id, granted)))
                                .orElseGet(() -> Panache.withTransaction(() -> bruteForce.giveBack(address))
                                        .replaceWith(error(400, "invalid_scope"))))
                        .orElseGet(() -> Uni.createFrom().item(Response.fromResponse(error(401, "invalid_client"))
                                .header("WWW-Authenticate", "Basic realm=\"city-login\"").build())))
                .onFailure(Refusal.class).recoverWithItem(paused -> Response.fromResponse(error(429, "slow_down"))
                        .header("Retry-After", ((Refusal) paused).retryAfter().map(Duration::toSeconds).orElse(60L))
                        .build());
    }

    private Response issued(String clientId, java.util.List<String> granted) {
        AccessToken token = tokens.issueForClient(clientId, granted);
        return Response.ok(new TokenResponse(token.jwt(), "Bearer",
                Duration.between(Instant.now(), token.expiresAt()).toSeconds(),
                String.join(" ", granted))).header("Cache-Control", "no-store").build();
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

    private static Response error(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error))
                .header("Cache-Control", "no-store").build();
    }

    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn,
                                String scope) {
    }
}

package fi.city.login.identity.token;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Lets other city systems verify access tokens with stock OpenID Connect / JOSE libraries. */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private final SigningKeys keys;
    private final TokenConfig config;

    public WellKnownResource(SigningKeys keys, TokenConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @GET
    @Path("/jwks.json")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    @GET
    @Path("/openid-configuration")
    public Map<String, Object> discovery() {
        return Map.of(
                "issuer", config.issuer(),
                "jwks_uri", config.issuer() + "/.well-known/jwks.json",
                "token_endpoint", config.issuer() + "/oauth2/token",
                "grant_types_supported", List.of("client_credentials"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"),
                "scopes_supported", Scopes.ALL,
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "subject_types_supported", List.of("public"),
                "response_types_supported", List.of("token"),
                "claims_supported", List.of("sub", "iss", "iat", "exp", "email", "name", "locale", "legacy_usernames",
                        "client_id", "scope"));
    }
}

package fi.city.login.identity.flow.oidc.discovery;

import fi.city.login.identity.grant.OidcConfig;
import fi.city.login.identity.session.AuthenticationMethods;
import fi.city.login.identity.token.ResidentClaims;
import fi.city.login.identity.token.Scopes;
import fi.city.login.identity.token.SigningKeys;
import fi.city.login.identity.token.TokenConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Discovery (OpenID Connect Discovery 1.0) and the JWKS, so that e-services and city systems use stock
 * OpenID Connect libraries. It lists exactly what the endpoints do; the browser-facing endpoints are the
 * portal's.
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final SigningKeys keys;
    private final TokenConfig config;
    private final String portalUrl;

    public DiscoveryResource(SigningKeys keys, TokenConfig config, OidcConfig oidc) {
        this.keys = keys;
        this.config = config;
        this.portalUrl = oidc.portalUrl();
    }

    @GET
    @Path("/jwks.json")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    @GET
    @Path("/openid-configuration")
    public Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", config.issuer());
        document.put("authorization_endpoint", portalUrl + "/oauth2/authorize");
        document.put("token_endpoint", config.issuer() + "/oauth2/token");
        document.put("userinfo_endpoint", config.issuer() + "/oauth2/userinfo");
        document.put("end_session_endpoint", portalUrl + "/oauth2/logout");
        document.put("jwks_uri", config.issuer() + "/.well-known/jwks.json");
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        document.put("scopes_supported", Stream.concat(Scopes.RESIDENT.stream(), Scopes.API.stream()).toList());
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("prompt_values_supported", List.of("none", "login"));
        document.put("claims_parameter_supported", false);
        document.put("request_parameter_supported", false);
        document.put("request_uri_parameter_supported", false);
        document.put("authorization_response_iss_parameter_supported", true);
        document.put("acr_values_supported", List.of(AuthenticationMethods.ONE_FACTOR, AuthenticationMethods.TWO_FACTORS));
        document.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "azp", "sid",
                "amr", "acr", "email", "email_verified", "name", "locale", ResidentClaims.LEGACY_USERNAMES));
        return document;
    }
}

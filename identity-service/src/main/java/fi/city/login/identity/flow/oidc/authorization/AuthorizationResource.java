package fi.city.login.identity.flow.oidc.authorization;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.oidc.AuthorizationRequest;
import fi.city.login.identity.api.oidc.AuthorizationResponse;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * The authorization endpoint's decision. The portal serves the browser-facing endpoints of OpenID Connect
 * (it owns the login pages and the session cookie) and asks here what to answer.
 */
@Path("/api/v1/oidc")
@RolesAllowed(Scopes.PORTAL)
public class AuthorizationResource {

    private final Authorization authorization;

    public AuthorizationResource(Authorization authorization) {
        this.authorization = authorization;
    }

    @POST
    @Path("/authorize")
    public Uni<AuthorizationResponse> authorize(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                @Valid @NotNull AuthorizationRequest request) {
        return Uni.createFrom().deferred(() -> authorization.authorize(sessionToken, request));
    }
}

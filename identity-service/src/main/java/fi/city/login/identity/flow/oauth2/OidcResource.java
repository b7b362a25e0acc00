package fi.city.login.identity.flow.oauth2;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.oidc.AuthorizationRequest;
import fi.city.login.identity.api.oidc.AuthorizationResponse;
import fi.city.login.identity.api.oidc.LogoutRequest;
import fi.city.login.identity.api.oidc.LogoutResponse;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * The portal's half of OpenID Connect: it serves the browser-facing endpoints (it owns the login pages and
 * the session cookie) and asks here what to answer.
 */
@Path("/api/v1/oidc")
@RolesAllowed(Scopes.PORTAL)
public class OidcResource {

    private final Authorization authorization;
    private final EndSession endSession;

    public OidcResource(Authorization authorization, EndSession endSession) {
        this.authorization = authorization;
        this.endSession = endSession;
    }

    @POST
    @Path("/authorize")
    public Uni<AuthorizationResponse> authorize(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                @Valid @NotNull AuthorizationRequest request) {
        return Uni.createFrom().deferred(() -> authorization.authorize(sessionToken, request));
    }

    @POST
    @Path("/logout")
    public Uni<LogoutResponse> checkLogout(@Valid @NotNull LogoutRequest request) {
        return Uni.createFrom().item(() -> endSession.check(request));
    }
}

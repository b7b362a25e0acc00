package fi.city.login.identity.flow.oidc.logout;

import fi.city.login.identity.api.IdentityApi;
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
 * The end-session endpoint's decision: the portal serves the browser's logout page and asks here whether
 * the request is an e-service's and where the browser may go afterwards.
 */
@Path("/api/v1/oidc/logout")
@RolesAllowed(Scopes.PORTAL)
public class LogoutResource {

    private final EndSession endSession;

    public LogoutResource(EndSession endSession) {
        this.endSession = endSession;
    }

    /** @param sessionToken the browser's session, if it has one: an ID token ends it at once only if issued in it */
    @POST
    public Uni<LogoutResponse> checkLogout(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                           @Valid @NotNull LogoutRequest request) {
        return Uni.createFrom().deferred(() -> endSession.check(sessionToken, request));
    }
}

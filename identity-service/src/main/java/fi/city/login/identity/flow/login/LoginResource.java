package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.AccountViews;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.login.IdentifierRequest;
import fi.city.login.identity.api.login.IdentifierResponse;
import fi.city.login.identity.api.login.LoginResponse;
import fi.city.login.identity.api.login.PasswordLoginRequest;
import fi.city.login.identity.bruteforce.ClientAddress;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

/** The login flow's two steps: the identifier step, then the password step. */
@Path("/api/v1/login")
@RolesAllowed(Scopes.PORTAL)
public class LoginResource {

    private final IdentifierStep identifierStep;
    private final PasswordLogin passwordLogin;

    public LoginResource(IdentifierStep identifierStep, PasswordLogin passwordLogin) {
        this.identifierStep = identifierStep;
        this.passwordLogin = passwordLogin;
    }

    /** What comes after the resident gives their email: the password step, a link sent, or not recognised. */
    @POST
    @Path("/identifier")
    public Uni<IdentifierResponse> identify(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String statedAddress,
                                            @Valid @NotNull IdentifierRequest request,
                                            @Context HttpServerRequest connection) {
        return identifierStep.identify(request.email(), request.locale(), ClientAddress.of(statedAddress, connection));
    }

    /**
     * @param forwardedAddress the resident's address as the portal saw it. identity-service's API is
     *                         reachable only from the portal and city systems, so the header is trusted;
     *                         without it the connection's address counts
     * @param previousSession  the browser's session before this login, which ends when the new one starts
     */
    @POST
    @Path("/password")
    public Uni<LoginResponse> logIn(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                    @HeaderParam(IdentityApi.SESSION_HEADER) String previousSession,
                                    @Valid @NotNull PasswordLoginRequest request,
                                    @Context HttpServerRequest connection) {
        String clientAddress = ClientAddress.of(forwardedAddress, connection);
        return passwordLogin.logIn(request.email(), request.password(), request.rememberMe(), clientAddress, previousSession,
                        request.deviceToken(), request.browser())
                .map(result -> new LoginResponse(result.session().token(), result.session().session().expiresAt,
                        result.session().session().persistent, result.accessToken().jwt(), "Bearer",
                        result.accessToken().expiresAt(), AccountViews.of(result.session().session().account),
                        result.deviceToken()));
    }
}

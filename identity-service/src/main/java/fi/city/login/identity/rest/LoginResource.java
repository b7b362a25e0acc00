package fi.city.login.identity.rest;

import fi.city.login.identity.service.IdentifierStep;
import fi.city.login.identity.service.IdentifierStep.NextStep;
import fi.city.login.identity.service.PasswordLogin;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import io.vertx.core.http.HttpServerRequest;

import java.time.Instant;

/** The login flow: identifier step, then password step. */
@Path("/api/v1/login")
public class LoginResource {

    /**
     * The resident's address as the portal saw it. identity-service's API is reachable only from the
     * portal and city systems, so the header is trusted; without it the connection's address counts.
     */
    public static final String CLIENT_ADDRESS_HEADER = "X-Client-Address";

    private final IdentifierStep identifierStep;
    private final PasswordLogin passwordLogin;

    public LoginResource(IdentifierStep identifierStep, PasswordLogin passwordLogin) {
        this.identifierStep = identifierStep;
        this.passwordLogin = passwordLogin;
    }

    /** What comes after the resident gives their email: the password step, a link sent, or not recognised. */
    @POST
    @Path("/identifier")
    public Uni<IdentifierResponse> identify(@Valid @NotNull IdentifierRequest request) {
        return identifierStep.identify(request.email()).map(IdentifierResponse::new);
    }

    @POST
    @Path("/password")
    public Uni<LoginResponse> login(@Valid @NotNull PasswordLoginRequest request,
                                    @HeaderParam(CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                    @Context HttpServerRequest connection) {
        String clientAddress = ClientAddress.of(forwardedAddress, connection);
        return passwordLogin.login(request.email(), request.password(), request.rememberMe(), clientAddress)
                .map(result -> new LoginResponse(result.sessionToken(), result.session().expiresAt,
                        result.session().persistent, result.accessToken().jwt(), "Bearer",
                        result.accessToken().expiresAt(), AccountView.of(result.session().account)));
    }

    public record IdentifierRequest(@NotNull @Size(max = 320) String email) {
    }

    public record IdentifierResponse(NextStep next) {
    }

    public record PasswordLoginRequest(@NotNull @Size(max = 320) String email,
                                       @NotNull @Size(max = 1024) String password,
                                       boolean rememberMe) {
        @Override
        public String toString() {
            return "PasswordLoginRequest[email=" + email + "]";
        }
    }

    public record LoginResponse(String sessionToken, Instant sessionExpiresAt, boolean persistent,
                                String accessToken, String tokenType, Instant accessTokenExpiresAt,
                                AccountView account) {
    }
}

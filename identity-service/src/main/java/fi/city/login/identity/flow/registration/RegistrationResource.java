package fi.city.login.identity.flow.registration;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.registration.RegistrationRequest;
import fi.city.login.identity.bruteforce.ClientAddress;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The registration flow: a new account, and a password link by email to set its password. */
@Path("/api/v1/registration")
@RolesAllowed(Scopes.PORTAL)
public class RegistrationResource {

    private final Registration registration;

    public RegistrationResource(Registration registration) {
        this.registration = registration;
    }

    /** 202 whether or not the address had an account: either way the right link is on its way. */
    @POST
    @ResponseStatus(202)
    public Uni<Void> register(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String statedAddress,
                              @Valid @NotNull RegistrationRequest request, @Context HttpServerRequest connection) {
        return registration.register(request.email(), request.displayName(), request.locale(),
                ClientAddress.of(statedAddress, connection));
    }
}

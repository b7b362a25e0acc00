package fi.city.login.identity.flow.settings;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.settings.ChangePasswordRequest;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The settings flow: what a logged-in resident changes about their own account, in their session. */
@Path("/api/v1/settings")
@RolesAllowed(Scopes.PORTAL)
public class SettingsResource {

    private final PasswordChange passwordChange;

    public SettingsResource(PasswordChange passwordChange) {
        this.passwordChange = passwordChange;
    }

    /** A new password with the current one; the other sessions of the account end. */
    @POST
    @Path("/password")
    @ResponseStatus(204)
    public Uni<Void> changePassword(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                    @Valid @NotNull ChangePasswordRequest request) {
        return passwordChange.change(sessionToken, request.currentPassword(), request.newPassword(),
                request.newPasswordConfirmation());
    }
}

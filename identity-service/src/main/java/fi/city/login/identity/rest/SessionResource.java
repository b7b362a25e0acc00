package fi.city.login.identity.rest;

import fi.city.login.identity.service.PasswordChange;
import fi.city.login.identity.service.SessionLookup;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;

/** The portal's session, named by its raw token in a header (never in a URL, which gets logged). */
@Path("/api/v1/session")
public class SessionResource {

    public static final String SESSION_HEADER = "X-Session-Token";

    private final SessionLookup sessions;
    private final PasswordChange passwordChange;

    public SessionResource(SessionLookup sessions, PasswordChange passwordChange) {
        this.sessions = sessions;
        this.passwordChange = passwordChange;
    }

    @GET
    public Uni<SessionView> current(@HeaderParam(SESSION_HEADER) String sessionToken) {
        return sessions.current(sessionToken)
                .map(session -> new SessionView(AccountView.of(session.account), session.persistent, session.expiresAt));
    }

    /** Logout. */
    @DELETE
    @ResponseStatus(204)
    public Uni<Void> end(@HeaderParam(SESSION_HEADER) String sessionToken) {
        return sessions.revoke(sessionToken);
    }

    /** Settings: change the password with the current one; the other sessions of the account end. */
    @POST
    @Path("/password")
    @ResponseStatus(204)
    public Uni<Void> changePassword(@HeaderParam(SESSION_HEADER) String sessionToken,
                                    @Valid @NotNull ChangePasswordRequest request) {
        return passwordChange.change(sessionToken, request.currentPassword(), request.newPassword(),
                request.newPasswordConfirmation());
    }

    public record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
                                        @NotNull @Size(max = 1024) String newPassword,
                                        @NotNull @Size(max = 1024) String newPasswordConfirmation) {
        @Override
        public String toString() {
            return "ChangePasswordRequest[]";
        }
    }

    public record SessionView(AccountView account, boolean persistent, Instant expiresAt) {
    }
}

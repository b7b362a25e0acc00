package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.AccountViews;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.login.SessionView;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;

/** The session the login flow started: who is logged in, and logout. */
@Path("/api/v1/session")
@RolesAllowed(Scopes.PORTAL)
public class SessionResource {

    private final Sessions sessions;

    public SessionResource(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The session's resident; using the session starts its idle timeout again. */
    @GET
    @WithTransaction
    public Uni<SessionView> current(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return sessions.current(sessionToken)
                .call(session -> sessions.touch(session, Instant.now()))
                .map(session -> new SessionView(AccountViews.of(session.account), session.persistent, session.expiresAt));
    }

    /** Logout: the session ends on the server, whatever the browser keeps. */
    @DELETE
    @WithTransaction
    @ResponseStatus(204)
    public Uni<Void> end(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return sessions.end(sessionToken, Instant.now());
    }
}

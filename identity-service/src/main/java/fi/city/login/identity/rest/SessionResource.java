package fi.city.login.identity.rest;

import fi.city.login.identity.service.SessionLookup;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;

/** The portal's session, named by its raw token in a header (never in a URL, which gets logged). */
@Path("/api/v1/session")
public class SessionResource {

    public static final String SESSION_HEADER = "X-Session-Token";

    private final SessionLookup sessions;

    public SessionResource(SessionLookup sessions) {
        this.sessions = sessions;
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

    public record SessionView(AccountView account, boolean persistent, Instant expiresAt) {
    }
}

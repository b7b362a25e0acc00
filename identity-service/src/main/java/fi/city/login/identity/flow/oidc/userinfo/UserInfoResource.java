package fi.city.login.identity.flow.oidc.userinfo;

import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.AccessTokenVerifier;
import fi.city.login.identity.token.ResidentClaims;
import fi.city.login.identity.token.Scopes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OpenID Connect's userinfo endpoint (Core §5.3): the resident's claims for a resident's access token, as
 * its scopes allow, while the session it came from is live. A token of an ended session is refused
 * although its signature is still good: logging out ends what e-services can learn.
 */
@Path("/oauth2/userinfo")
@Produces(MediaType.APPLICATION_JSON)
public class UserInfoResource {

    private static final String BEARER = "Bearer ";

    private final AccessTokenVerifier verifier;
    private final Sessions sessions;

    public UserInfoResource(AccessTokenVerifier verifier, Sessions sessions) {
        this.verifier = verifier;
        this.sessions = sessions;
    }

    @GET
    public Uni<Response> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    @POST
    public Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return userInfo(authorization);
    }

    private Uni<Response> userInfo(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().item(refused(401, "Bearer"));
        }
        return verifier.verifyResident(authorization.substring(BEARER.length()).strip())
                .map(token -> !token.scopes().contains(Scopes.OPENID)
                        ? Uni.createFrom().item(refused(403, "Bearer error=\"insufficient_scope\""))
                        : Panache.withSession(() -> sessions.live(token.sessionId())).map(session ->
                        session == null || !session.account.id.equals(token.accountId())
                                ? refused(401, "Bearer error=\"invalid_token\"")
                                : Response.ok(ResidentClaims.of(session.account, token.scopes()))
                                .header("Cache-Control", "no-store").build()))
                .orElseGet(() -> Uni.createFrom().item(refused(401, "Bearer error=\"invalid_token\"")));
    }

    private static Response refused(int status, String challenge) {
        return Response.status(status).header("WWW-Authenticate", challenge).header("Cache-Control", "no-store").build();
    }
}

package fi.city.login.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** identity-service's REST API, as far as the portal uses it. Refusals arrive as {@link IdentityProblem}. */
@RegisterRestClient(configKey = "identity")
@Path("/api/v1")
public interface IdentityClient {

    String SESSION_HEADER = "X-Session-Token";
    /** The resident's address, which identity-service's brute-force protection counts by. */
    String CLIENT_ADDRESS_HEADER = "X-Client-Address";

    @POST
    @Path("/login/identifier")
    Uni<IdentifierResult> identify(Map<String, String> request);

    @POST
    @Path("/login/password")
    Uni<LoginResult> login(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress, Map<String, Object> request);

    @POST
    @Path("/registration")
    Uni<Void> register(Map<String, String> request);

    @POST
    @Path("/recovery/links")
    Uni<Void> requestLink(Map<String, String> request);

    @POST
    @Path("/recovery/links/inspect")
    Uni<LinkInfo> inspectLink(Map<String, String> request);

    @POST
    @Path("/recovery/password")
    Uni<Void> setPassword(Map<String, String> request);

    @GET
    @Path("/session")
    Uni<SessionInfo> session(@HeaderParam(SESSION_HEADER) String sessionToken);

    @POST
    @Path("/session/password")
    Uni<Void> changePassword(@HeaderParam(SESSION_HEADER) String sessionToken, Map<String, String> request);

    @DELETE
    @Path("/session")
    Uni<Void> endSession(@HeaderParam(SESSION_HEADER) String sessionToken);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return IdentityProblem.from(response);
    }

    record IdentifierResult(String next) {
    }

    record Account(UUID id, String email, String displayName, String locale, String state, List<String> legacyUsernames) {
    }

    record LoginResult(String sessionToken, Instant sessionExpiresAt, boolean persistent, Account account) {
        @Override
        public String toString() {
            return "LoginResult[" + account.id() + "]";
        }
    }

    record LinkInfo(String email, String displayName, String locale, String purpose, Instant expiresAt) {
    }

    record SessionInfo(Account account, boolean persistent, Instant expiresAt) {
    }
}

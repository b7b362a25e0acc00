package fi.city.login.identity.flow.oidc.token;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** The token endpoint's errors in OAuth's own shape (RFC 6749 §5.2), which clients' libraries expect. */
final class OAuthError {

    private OAuthError() {
    }

    static Response of(int status, String error) {
        return of(status, error, null);
    }

    static Response of(int status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body)
                .header("Cache-Control", "no-store").build();
    }

    /** The grant (code or refresh token) is unknown, spent, expired or not this client's: one answer for all. */
    static Response invalidGrant() {
        return of(400, "invalid_grant");
    }

    static Response invalidRequest(String description) {
        return of(400, "invalid_request", description);
    }

    /** Raised where a chain cannot return the error directly; {@link TokenResource} answers it. */
    static final class Raised extends RuntimeException {
        final transient Response response;

        Raised(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}

package fi.city.login.portal.client;

import jakarta.ws.rs.core.Response;

/** identity-service refused a request; {@link #slug} is the stable end of the problem type. */
public class IdentityProblem extends RuntimeException {

    private final int status;
    private final String slug;

    public IdentityProblem(int status, String slug) {
        super("identity-service answered " + status + " " + slug, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    static IdentityProblem from(Response response) {
        String slug = "unknown";
        try {
            if (response.hasEntity()) {
                Problem problem = response.readEntity(Problem.class);
                if (problem != null && problem.type() != null) {
                    slug = problem.type().substring(problem.type().lastIndexOf('/') + 1);
                }
            }
        } catch (RuntimeException unreadable) {
            // Not a problem document (a proxy's error page, say): the status alone must do.
        }
        return new IdentityProblem(response.getStatus(), slug);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    record Problem(String type, String title, int status) {
    }
}

package fi.city.login.portal.client;

import fi.city.login.identity.api.Problem;
import fi.city.login.identity.api.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Every refusal of identity-service (status 400 and above) reaches the pages as an {@link IdentityProblem}. */
@Provider
public class IdentityProblemMapper implements ResponseExceptionMapper<IdentityProblem> {

    @Override
    public IdentityProblem toThrowable(Response response) {
        ProblemType type = null;
        try {
            if (response.hasEntity()) {
                Problem problem = response.readEntity(Problem.class);
                type = problem == null ? null : ProblemType.ofType(problem.type());
            }
        } catch (RuntimeException unreadable) {
            // Not a problem document: the status alone must do.
        }
        return new IdentityProblem(response.getStatus(), type);
    }
}

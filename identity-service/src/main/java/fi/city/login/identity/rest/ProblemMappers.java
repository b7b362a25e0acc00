package fi.city.login.identity.rest;

import fi.city.login.identity.domain.EmailAddress.InvalidEmailException;
import fi.city.login.identity.password.HashingOverloadedException;
import fi.city.login.identity.service.FlowError;
import fi.city.login.identity.service.FlowException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error of the API as an RFC 9457 problem detail; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response flow(FlowException e) {
        Response problem = switch (e.error()) {
            case UNAUTHORIZED -> Response.fromResponse(problem(e.error(), null))
                    .header("WWW-Authenticate", "Bearer").build();
            case INSUFFICIENT_SCOPE -> Response.fromResponse(problem(e.error(), null))
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"").build();
            default -> problem(e.error(), null);
        };
        return e.retryAfter()
                .map(wait -> Response.fromResponse(problem).header("Retry-After", Math.max(1, wait.toSeconds())).build())
                .orElse(problem);
    }

    @ServerExceptionMapper
    public Response invalidEmail(InvalidEmailException e) {
        return problem(FlowError.INVALID_EMAIL, null);
    }

    @ServerExceptionMapper
    public Response overloaded(HashingOverloadedException e) {
        return Response.fromResponse(problem(FlowError.OVERLOADED, null)).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return json(400, new Problem("/problems/invalid-request", "The request is not valid", 400, null, params));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return json(status, new Problem("about:blank", title, status, null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return json(500, new Problem("about:blank", "Internal Server Error", 500, null, null));
    }

    private static Response problem(FlowError error, String detail) {
        return json(error.status(), new Problem("/problems/" + error.slug(), error.title(), error.status(), detail, null));
    }

    private static Response json(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}

package fi.city.login.identity.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fi.city.login.identity.api.Problem;
import fi.city.login.identity.api.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error of the API as an RFC 9457 problem detail; never a stack trace. A refusal (every
 * {@link Refusal}, whichever building block raised it) carries its {@link ProblemType}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final MeterRegistry registry;

    /** Counts every refusal by its type ({@code identity_refusals_total{type}}): pauses, overload, outages. */
    public ProblemMappers(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerExceptionMapper
    public Response refusal(Refusal e) {
        registry.counter("identity.refusals", "type", e.type().name()).increment();
        Response.ResponseBuilder problem = problem(e.type(), null);
        switch (e.type()) {
            case UNAUTHORIZED -> problem.header("WWW-Authenticate", "Bearer");
            case INSUFFICIENT_SCOPE -> problem.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
            default -> { }
        }
        e.retryAfter().ifPresent(wait -> problem.header("Retry-After", Math.max(1, wait.toSeconds())));
        return problem.build();
    }

    /** No token, or one that is not ours: the caller must authenticate (RFC 6750). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return refusal(new Refusal(ProblemType.UNAUTHORIZED));
    }

    /** A valid token without the scope the resource requires. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return refusal(new Refusal(ProblemType.INSUFFICIENT_SCOPE));
    }

    @ServerExceptionMapper
    public Response invalidInput(ConstraintViolationException e) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(ProblemType.INVALID_REQUEST, params).build();
    }

    /**
     * A body that is not the JSON the endpoint takes: 400, naming the field that is wrong where there is one.
     * Listed by its most specific type too, or the framework's own mapper for it would answer without a body.
     */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response unreadableBody(JsonMappingException e) {
        String field = e.getPath().stream().map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : String.valueOf(reference.getIndex())).reduce((outer, inner) -> outer + "." + inner).orElse(null);
        String reason = e instanceof InvalidFormatException ? e.getOriginalMessage() : "not readable as this field's type";
        return problem(ProblemType.INVALID_REQUEST, field == null ? null : List.of(new Problem.InvalidParam(field, reason)))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return json(status, new Problem("about:blank", title, status, null, null)).build();
    }

    /**
     * The database unreachable (restarting, failing over) is an outage, not a bug: 503 with Retry-After and
     * one WARN line, no stack trace. Anything else unexpected is a 500, logged with its stack trace.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.causes(e)) {
            LOG.warnf("the database is unreachable: %s", DatabaseOutage.rootCause(e));
            return refusal(new Refusal(ProblemType.UNAVAILABLE, java.time.Duration.ofSeconds(5)));
        }
        LOG.error("unexpected error", e);
        return json(500, new Problem("about:blank", "Internal Server Error", 500, null, null)).build();
    }

    private static Response.ResponseBuilder problem(ProblemType type, List<Problem.InvalidParam> params) {
        return json(type.status(), new Problem(type.type(), type.title(), type.status(), null, params));
    }

    private static Response.ResponseBuilder json(int status, Problem problem) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}

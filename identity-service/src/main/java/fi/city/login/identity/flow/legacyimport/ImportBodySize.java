package fi.city.login.identity.flow.legacyimport;

import fi.city.login.identity.api.Problem;
import fi.city.login.identity.api.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Only the legacy import takes a large body: a city's whole export, a million rows or more, which it reads
 * as a stream. The server's limit is set for it ({@code quarkus.http.limits.max-body-size}); every other
 * request is held here, before any of its body is read, to {@value #MAX_OTHER_BODY_BYTES} bytes by the
 * length it states, and an HTTP/1.1 body that states none (chunked) is refused, so that no other endpoint
 * can be made to hold megabytes. Not covered: an HTTP/2 body without a stated length (identity-service's
 * callers speak HTTP/1.1; reading and measuring bodies here instead broke RESTEasy Reactive's reading of
 * HTTP/2 requests).
 */
@ApplicationScoped
public class ImportBodySize {

    static final long MAX_OTHER_BODY_BYTES = 256 * 1024;

    void limitOtherBodies(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ImportBodySize::check);
    }

    private static void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.path().equals(LegacyImportResource.PATH) || isSmallEnough(request)) {
            context.next();
            return;
        }
        ProblemType problem = ProblemType.REQUEST_TOO_LARGE;
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                        + problem.status() + "}");
    }

    private static boolean isSmallEnough(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
        }
        try {
            return Long.parseLong(length.strip()) <= MAX_OTHER_BODY_BYTES;
        } catch (NumberFormatException notALength) {
            return false;
        }
    }
}

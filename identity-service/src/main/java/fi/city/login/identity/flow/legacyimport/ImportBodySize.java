package fi.city.login.identity.flow.legacyimport;

import fi.city.login.identity.api.Problem;
import fi.city.login.identity.api.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Only the legacy import takes a large body: a city's whole export, a million rows or more, which it reads
 * as a stream. The server's limit is set for it ({@code quarkus.http.limits.max-body-size}); every other
 * request's body is read here first and refused past {@value #MAX_OTHER_BODY_BYTES} bytes, whether its
 * length was given or not (chunked, HTTP/2), so that no other endpoint can be made to hold megabytes.
 */
@ApplicationScoped
public class ImportBodySize {

    static final long MAX_OTHER_BODY_BYTES = 256 * 1024;

    void limitOtherBodies(@Observes Router router) {
        BodyHandler small = BodyHandler.create(false).setBodyLimit(MAX_OTHER_BODY_BYTES);
        router.route().order(Integer.MIN_VALUE)
                .handler(context -> {
                    if (context.request().path().equals(LegacyImportResource.PATH)) {
                        context.next();
                    } else {
                        small.handle(context);
                    }
                })
                .failureHandler(ImportBodySize::refuseTooLarge);
    }

    private static void refuseTooLarge(RoutingContext context) {
        if (context.statusCode() != ProblemType.REQUEST_TOO_LARGE.status()) {
            context.next();
            return;
        }
        ProblemType problem = ProblemType.REQUEST_TOO_LARGE;
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end("{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                        + problem.status() + "}");
    }
}

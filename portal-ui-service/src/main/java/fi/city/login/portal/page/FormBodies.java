package fi.city.login.portal.page;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;

/**
 * Forms are read by Vert.x and checked here before they reach the pages. A body that is not a well-formed
 * form (a broken percent-escape, say) is refused here with a 400: left to the framework's own form parser,
 * it first went unanswered until the connection timed out, then was answered only after an error with a
 * stack trace in the log. The pages' forms are small: a body past {@value #MAX_FORM_BYTES} bytes is
 * refused too.
 */
@ApplicationScoped
public class FormBodies {

    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final int MAX_FIELDS = 64;

    /** No page can be drawn from a form that cannot be read: a plain answer in the three languages. */
    private static final String NOT_A_FORM = """
            Lomaketta ei voitu lukea. Avaa sivu uudelleen ja yritä uudestaan.
            Formuläret kunde inte läsas. Öppna sidan igen och försök på nytt.
            The form could not be read. Open the page again and try once more.
            """;

    void readFormsFirst(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).consumes("application/x-www-form-urlencoded")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
                .handler(FormBodies::requireWellFormed)
                .failureHandler(FormBodies::refuseUnreadable);
        // No page takes a file: a multipart body is refused before the framework's multipart parser, which
        // answered a malformed one with a 500. (Checked by hand: a route that "consumes" a type also takes
        // requests without a body.)
        router.route().order(Integer.MIN_VALUE + 1).handler(FormBodies::refuseMultipart);
    }

    private static void refuseMultipart(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length())) {
            context.response().setStatusCode(415).putHeader("Content-Type", "text/plain; charset=UTF-8").end(NOT_A_FORM);
            return;
        }
        context.next();
    }

    /**
     * Netty's decoder throws on the escapes the framework's parser would fail on later. An empty body is no
     * form of ours either (each carries its CSRF token), and the framework waited for it without end.
     */
    private static void requireWellFormed(RoutingContext context) {
        String body = context.body().asString();
        if (body == null || body.isEmpty()) {
            context.fail(400);
            return;
        }
        try {
            new QueryStringDecoder(body, StandardCharsets.UTF_8, false, MAX_FIELDS).parameters();
        } catch (IllegalArgumentException unreadable) {
            context.fail(400, unreadable);
            return;
        }
        context.next();
    }

    private static void refuseUnreadable(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unreadable = context.statusCode() == 400 || context.statusCode() == 413
                || failure instanceof IllegalArgumentException || failure instanceof DecoderException;
        if (!unreadable || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().setStatusCode(context.statusCode() == 413 ? 413 : 400)
                .putHeader("Content-Type", "text/plain; charset=UTF-8").end(NOT_A_FORM);
    }
}

package fi.city.login.portal.page;

import io.netty.handler.codec.DecoderException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Forms are read and decoded by Vert.x before they reach the pages, which then take the fields already
 * decoded. A body that is not a well-formed form (a broken percent-escape, say) is refused there with a
 * 400; left to the framework's own form parser it went unanswered until the connection timed out. The
 * pages' forms are small: a body past {@value #MAX_FORM_BYTES} bytes is refused too.
 */
@ApplicationScoped
public class FormBodies {

    private static final int MAX_FORM_BYTES = 16 * 1024;

    /** No page can be drawn from a form that cannot be read: a plain answer in the three languages. */
    private static final String NOT_A_FORM = """
            Lomaketta ei voitu lukea. Avaa sivu uudelleen ja yritä uudestaan.
            Formuläret kunde inte läsas. Öppna sidan igen och försök på nytt.
            The form could not be read. Open the page again and try once more.
            """;

    void readFormsFirst(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).consumes("application/x-www-form-urlencoded")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
                .failureHandler(FormBodies::refuseUnreadable);
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

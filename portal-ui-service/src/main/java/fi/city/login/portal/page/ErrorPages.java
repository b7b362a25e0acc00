package fi.city.login.portal.page;

import fi.city.login.portal.i18n.Language;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page for every error, in the portal's layout and the visitor's language, titled and with its main
 * landmark like any other page: an address nothing serves (404), a method a page does not take (405), and
 * anything unexpected (500, logged with its stack trace, which the visitor never sees). Without these the
 * framework answered in English with no title, no language and no layout.
 */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final PageContext pages;

    public ErrorPages(PageContext pages) {
        this.pages = pages;
    }

    /** Whatever no page or static file answered: the last route of all. */
    void onUnmatchedPaths(@Observes Router router) {
        router.route().last().handler(this::notFound);
    }

    private void notFound(RoutingContext context) {
        Cookie chosen = context.request().getCookie(Language.COOKIE);
        Language language = Language.choose(chosen == null ? null : chosen.getValue(),
                context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Page page = pages.anonymous(language, "/");
        String html = PageResponses.localized(page, notFound(page)).render();
        context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(html);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, jakarta.ws.rs.core.HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/");
        return PageResponses.respond(404, page, notFound(page));
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, jakarta.ws.rs.core.HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/");
        Response answer = PageResponses.respond(405, page,
                CommonTemplates.error(page, page.messages().methodNotAllowedTitle(), page.messages().methodNotAllowed()));
        return Response.fromResponse(answer).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, jakarta.ws.rs.core.HttpHeaders headers) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        LOG.error("unexpected error", e);
        Page page = pages.anonymous(headers, "/");
        return PageResponses.respond(500, page,
                CommonTemplates.error(page, page.messages().errorTitle(), page.messages().somethingWentWrong()));
    }

    private static TemplateInstance notFound(Page page) {
        return CommonTemplates.error(page, page.messages().notFoundTitle(), page.messages().notFound());
    }
}

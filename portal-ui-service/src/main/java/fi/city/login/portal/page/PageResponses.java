package fi.city.login.portal.page;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** How every page is answered: in the page's language, with its status, or as a redirect within the portal. */
public final class PageResponses {

    private PageResponses() {
    }

    /** Sets the language the {@code msg:} bundle speaks in. */
    public static TemplateInstance localized(Page page, TemplateInstance instance) {
        return instance.setAttribute("locale", page.language().locale());
    }

    /** A page with its status code, in the page's language. */
    public static Response respond(int status, Page page, TemplateInstance instance) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(localized(page, instance)).build();
    }

    public static Response ok(Page page, TemplateInstance instance) {
        return respond(200, page, instance);
    }

    /** Post/redirect/get: a 303 to a path of this portal only, never to a host named by the request. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(SafePaths.local(path))).build();
    }

    /** A refusal the resident cannot fix on this form, on the common error page. */
    public static Response error(Page page, Throwable failure) {
        return respond(ProblemMessages.status(failure), page,
                CommonTemplates.error(page, page.messages().errorTitle(), ProblemMessages.of(failure, page)));
    }
}

package fi.city.login.portal.rest;

import fi.city.login.portal.session.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The portal's pages, checked against their templates at build time. Each renders in {@code page.language}. */
@CheckedTemplate
public class Pages {

    public static native TemplateInstance home(Page page);

    public static native TemplateInstance login(Page page, String email, String error);

    public static native TemplateInstance passwordStep(Page page, String email, String error);

    public static native TemplateInstance linkSent(Page page);

    public static native TemplateInstance notRecognised(Page page, String email);

    public static native TemplateInstance setPassword(Page page, String token, String email, String error);

    public static native TemplateInstance passwordChanged(Page page);

    public static native TemplateInstance linkUnusable(Page page, String title);

    public static native TemplateInstance forgot(Page page, String email, String error);

    public static native TemplateInstance forgotSent(Page page);

    public static native TemplateInstance register(Page page, String name, String email, String error);

    public static native TemplateInstance registrationSent(Page page);

    public static native TemplateInstance account(Page page, String notice, String error);

    public static native TemplateInstance error(Page page, String message);

    /** Sets the language the {@code msg:} bundle speaks in. */
    static TemplateInstance localized(Page page, TemplateInstance instance) {
        return instance.setAttribute("locale", page.language().locale());
    }

    /** A page with its status code, in the page's language. */
    static Response respond(int status, Page page, TemplateInstance instance) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(localized(page, instance)).build();
    }

    static Response ok(Page page, TemplateInstance instance) {
        return respond(200, page, instance);
    }

    /** Post/redirect/get: a 303 to a path of this portal only, never to a host named by the request. */
    static Response seeOther(String path) {
        return Response.seeOther(java.net.URI.create(SafePaths.local(path))).build();
    }
}

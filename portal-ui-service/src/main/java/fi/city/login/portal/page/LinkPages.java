package fi.city.login.portal.page;

import fi.city.login.facts.PortalRoutes;
import fi.city.login.portal.i18n.Language;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;

/**
 * A page opened from an emailed link speaks the email's language, the account's, unless the resident chose
 * one in the menu; the choice is then remembered, so that the pages after it speak it too.
 */
@ApplicationScoped
public class LinkPages {

    private final PageContext pages;
    private final Cookies cookies;

    public LinkPages(PageContext pages, Cookies cookies) {
        this.pages = pages;
        this.cookies = cookies;
    }

    /** A link opened without its token (cut short by a mail client, or typed by hand) is an invalid link. */
    public static boolean lacksToken(String token) {
        return token == null || token.isBlank();
    }

    /** A link page's own address with its token: switching language there must keep the link working. */
    public static String withToken(String path, String token) {
        return lacksToken(token) ? path : PortalRoutes.withToken("", path, token);
    }

    /** @param path the page's own address, with the link's token: where the language menu returns */
    public Response show(HttpHeaders headers, String accountLocale, String path, Function<Page, TemplateInstance> template) {
        Language accountLanguage = Language.parse(accountLocale);
        if (pages.languageChosen(headers) || accountLanguage == null) {
            Page page = pages.anonymous(headers, path);
            return PageResponses.ok(page, template.apply(page));
        }
        Page page = pages.anonymous(accountLanguage, path);
        return Response.fromResponse(PageResponses.ok(page, template.apply(page))).cookie(cookies.language(accountLanguage)).build();
    }
}

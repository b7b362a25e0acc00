package fi.city.login.portal.page;

import fi.city.login.portal.i18n.Language;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form without a valid token with a bare 400. A resident meets that when a
 * page stayed open past the token's life: answer with a page in their language that says what to do.
 */
public class FormExpiredPage {

    private final PageContext pages;

    public FormExpiredPage(PageContext pages) {
        this.pages = pages;
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())
                || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            return;
        }
        Cookie chosen = request.getCookies().get(Language.COOKIE);
        Language language = Language.choose(chosen == null ? null : chosen.getValue(),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Page page = pages.anonymous(language, "/login");
        String html = PageResponses.localized(page,
                CommonTemplates.error(page, page.messages().errorTitle(), page.messages().formExpired())).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
}

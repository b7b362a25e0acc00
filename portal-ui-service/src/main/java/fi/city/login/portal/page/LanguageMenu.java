package fi.city.login.portal.page;

import fi.city.login.portal.i18n.Language;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The language menu ("FIN ▼"): remembers the choice in a cookie and returns to the page it was made on. */
@Path("/language")
public class LanguageMenu {

    private final Cookies cookies;

    public LanguageMenu(Cookies cookies) {
        this.cookies = cookies;
    }

    @GET
    @Path("/{code}")
    public Response switchLanguage(@RestPath String code, @RestQuery("return") String returnTo) {
        Language language = Language.parse(code);
        Response redirect = PageResponses.seeOther(returnTo);
        return language == null ? redirect : Response.fromResponse(redirect).cookie(cookies.language(language)).build();
    }
}

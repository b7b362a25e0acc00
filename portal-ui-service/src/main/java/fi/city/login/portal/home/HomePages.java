package fi.city.login.portal.home;

import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The front page (docs/journey.md, screen 1): "Kirjaudu sisään", or the logged-in resident's welcome. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    private final PageContext pages;

    public HomePages(PageContext pages) {
        this.pages = pages;
    }

    @GET
    public Uni<Response> home(@Context HttpHeaders headers) {
        return pages.page(headers, "/").map(page -> PageResponses.ok(page, HomeTemplates.home(page)));
    }
}

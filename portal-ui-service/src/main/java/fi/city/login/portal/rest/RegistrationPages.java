package fi.city.login.portal.rest;

import fi.city.login.portal.client.IdentityClient;
import fi.city.login.portal.session.Page;
import fi.city.login.portal.session.PageContext;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Map;

/** "Luo uusi käyttäjätunnus": name and email, then the emailed link sets the password. */
@Path("/register")
@Produces(MediaType.TEXT_HTML)
public class RegistrationPages {

    private final IdentityClient identity;
    private final PageContext pages;

    public RegistrationPages(@RestClient IdentityClient identity, PageContext pages) {
        this.identity = identity;
        this.pages = pages;
    }

    @GET
    public Response form(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/register");
        return Pages.ok(page, Pages.register(page, null, null, null));
    }

    /** The same answer whether or not the address had an account; identity-service mails the right link. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(@RestForm String name, @RestForm String email, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/register");
        if (name == null || name.isBlank()) {
            return Uni.createFrom().item(Pages.respond(400, page, Pages.register(page, name, email, page.messages().invalidName())));
        }
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(Pages.respond(400, page, Pages.register(page, name, email, page.messages().invalidEmail())));
        }
        return identity.register(Map.of("email", email, "displayName", name, "locale", page.language().code()))
                .map(sent -> Pages.ok(page, Pages.registrationSent(page)))
                .onFailure().recoverWithItem(failure -> Pages.respond(ProblemMessages.status(failure), page,
                        Pages.register(page, name, email, ProblemMessages.of(failure, page))));
    }
}

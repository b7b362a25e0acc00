package fi.city.login.portal.registration;

import fi.city.login.facts.PortalRoutes;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.registration.RegistrationRequest;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.ProblemMessages;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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

/** The registration flow, "Luo uusi käyttäjätunnus": name and email, then the emailed link sets the password. */
@Path(PortalRoutes.REGISTRATION)
@Produces(MediaType.TEXT_HTML)
public class RegistrationPages {

    private final IdentityApi identity;
    private final PageContext pages;

    public RegistrationPages(@RestClient IdentityApi identity, PageContext pages) {
        this.identity = identity;
        this.pages = pages;
    }

    @GET
    public Response form(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, PortalRoutes.REGISTRATION);
        return PageResponses.ok(page, RegistrationTemplates.register(page, null, null, null, null));
    }

    /** "Check your email", at an address of its own for the language menu; it says nothing about any address. */
    @GET
    @Path("/sent")
    public Response sent(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/register/sent");
        return PageResponses.ok(page, RegistrationTemplates.registrationSent(page));
    }

    /** The same answer whether or not the address had an account; identity-service mails the right link. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(@RestForm String name, @RestForm String email, @Context HttpHeaders headers,
                                  @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, PortalRoutes.REGISTRATION);
        if (name == null || name.isBlank()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    RegistrationTemplates.register(page, name, email, page.messages().invalidName(), "name")));
        }
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    RegistrationTemplates.register(page, name, email, page.messages().invalidEmail(), "username")));
        }
        return identity.register(PageContext.clientAddress(request), new RegistrationRequest(email, name, page.language().code()))
                .map(sent -> sent(headers))
                .onFailure().recoverWithItem(failure -> PageResponses.respond(ProblemMessages.status(failure), page,
                        RegistrationTemplates.register(page, name, email, ProblemMessages.of(failure, page),
                                ProblemMessages.is(failure, ProblemType.INVALID_NAME) ? "name" : "username")));
    }
}

package fi.city.login.portal.rest;

import fi.city.login.portal.client.IdentityClient;
import fi.city.login.portal.session.Cookies;
import fi.city.login.portal.session.Page;
import fi.city.login.portal.session.PageContext;
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

import java.util.Map;

/** FLOW.md steps 2, 3, 6 and 7: the identifier step, then the password step or the link-sent notice. */
@Path("/login")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    private final IdentityClient identity;
    private final PageContext pages;
    private final Cookies cookies;

    public LoginPages(@RestClient IdentityClient identity, PageContext pages, Cookies cookies) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
    }

    @GET
    public Uni<Response> identifierStep(@Context HttpHeaders headers) {
        return pages.page(headers, "/login").map(page -> page.loggedIn() ? Pages.seeOther("/")
                : Pages.ok(page, Pages.login(page, null, null)));
    }

    @POST
    @Path("/identifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> identify(@RestForm String email, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(Pages.respond(400, page, Pages.login(page, email, page.messages().invalidEmail())));
        }
        return identity.identify(Map.of("email", email)).map(result -> switch (result.next()) {
            case "PASSWORD" -> Pages.ok(page, Pages.passwordStep(page, email.strip(), null));
            case "LINK_SENT" -> Pages.ok(page, Pages.linkSent(page));
            default -> Pages.ok(page, Pages.notRecognised(page, email.strip()));
        }).onFailure().recoverWithItem(failure -> Pages.respond(ProblemMessages.status(failure), page,
                Pages.login(page, email, ProblemMessages.of(failure, page))));
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logIn(@RestForm String email, @RestForm String password, @RestForm boolean rememberMe,
                               @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || password == null || password.isEmpty()) {
            return Uni.createFrom().item(Pages.respond(400, page,
                    Pages.passwordStep(page, email, page.messages().wrongCredentials())));
        }
        // Behind a proxy, quarkus.http.proxy.* makes this the resident's address rather than the proxy's.
        String clientAddress = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return identity.login(clientAddress, Map.of("email", email, "password", password, "rememberMe", rememberMe))
                .map(login -> Response.seeOther(java.net.URI.create("/"))
                        .cookie(cookies.session(login.sessionToken(), login.persistent(), login.sessionExpiresAt()))
                        .build())
                .onFailure().recoverWithItem(failure -> Pages.respond(ProblemMessages.status(failure), page,
                        Pages.passwordStep(page, email, ProblemMessages.of(failure, page))));
    }
}

package fi.city.login.portal.login;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.login.IdentifierRequest;
import fi.city.login.identity.api.login.PasswordLoginRequest;
import fi.city.login.portal.page.CommonTemplates;
import fi.city.login.portal.page.Cookies;
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

import java.net.URI;

/**
 * The login flow (docs/journey.md, screens 2, 3, 6, 7 and 8): the identifier step, then the password step
 * or the link-sent notice; and logout.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    private final IdentityApi identity;
    private final PageContext pages;
    private final Cookies cookies;

    public LoginPages(@RestClient IdentityApi identity, PageContext pages, Cookies cookies) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
    }

    @GET
    @Path("/login")
    public Uni<Response> identifierStep(@Context HttpHeaders headers) {
        return pages.page(headers, "/login").map(page -> page.loggedIn() ? PageResponses.seeOther("/")
                : PageResponses.ok(page, LoginTemplates.login(page, null, null)));
    }

    @POST
    @Path("/login/identifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> identify(@RestForm String email, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    LoginTemplates.login(page, email, page.messages().invalidEmail())));
        }
        return identity.identify(PageContext.clientAddress(request), new IdentifierRequest(email, page.language().code())).map(result -> switch (result.next()) {
            case PASSWORD -> PageResponses.ok(page, LoginTemplates.passwordStep(page, email.strip(), null, false));
            case PASSWORD_OR_LINK_SENT -> PageResponses.ok(page, LoginTemplates.passwordStep(page, email.strip(), null, true));
            case LINK_SENT -> PageResponses.ok(page, LoginTemplates.linkSent(page));
            case NOT_RECOGNISED -> PageResponses.ok(page, LoginTemplates.notRecognised(page, email.strip()));
        }).onFailure().recoverWithItem(failure -> PageResponses.respond(ProblemMessages.status(failure), page,
                LoginTemplates.login(page, email, ProblemMessages.of(failure, page))));
    }

    @POST
    @Path("/login/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logIn(@RestForm String email, @RestForm String password, @RestForm boolean rememberMe,
                               @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || password == null || password.isEmpty()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    LoginTemplates.passwordStep(page, email, page.messages().wrongCredentials(), false)));
        }
        return identity.logIn(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new PasswordLoginRequest(email, password, rememberMe, pages.deviceToken(headers)))
                .map(login -> Response.seeOther(URI.create("/"))
                        .cookie(cookies.session(login.sessionToken(), login.persistent(), login.sessionExpiresAt()),
                                cookies.device(login.deviceToken()), cookies.renewCsrfToken())
                        .build())
                .onFailure().recoverWithItem(failure -> PageResponses.respond(ProblemMessages.status(failure), page,
                        LoginTemplates.passwordStep(page, email, ProblemMessages.of(failure, page), false)));
    }

    /**
     * Ends the session on the server first, then forgets the cookie. When the server could not end it, the
     * resident is told so and keeps the cookie to try again: a session that only looks ended is worse.
     */
    @POST
    @Path("/logout")
    public Uni<Response> logOut(@Context HttpHeaders headers) {
        String token = pages.sessionToken(headers);
        Uni<Void> end = token == null ? Uni.createFrom().voidItem() : identity.endSession(token);
        return end.map(ended -> Response.seeOther(URI.create("/")).cookie(cookies.clearSession()).build())
                .onFailure().recoverWithItem(failure -> {
                    Page page = pages.anonymous(headers, "/");
                    return PageResponses.respond(ProblemMessages.status(failure) >= 500 ? 502 : ProblemMessages.status(failure),
                            page, CommonTemplates.error(page, page.messages().logoutFailed()));
                });
    }
}

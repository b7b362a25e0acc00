package fi.city.login.portal.rest;

import fi.city.login.portal.client.IdentityClient;
import fi.city.login.portal.i18n.Language;
import fi.city.login.portal.session.Cookies;
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

import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The front page, the resident's own details, logout and the language menu. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ResidentPages {

    private final IdentityClient identity;
    private final PageContext pages;
    private final Cookies cookies;

    public ResidentPages(@RestClient IdentityClient identity, PageContext pages, Cookies cookies) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
    }

    @GET
    public Uni<Response> home(@Context HttpHeaders headers) {
        return pages.page(headers, "/").map(page -> Pages.ok(page, Pages.home(page)));
    }

    /** FLOW.md step 8: clicking one's own name opens the account settings. */
    @GET
    @Path("/account")
    public Uni<Response> account(@Context HttpHeaders headers) {
        return pages.page(headers, "/account").map(page -> page.loggedIn() ? Pages.ok(page, Pages.account(page, null, null))
                : Pages.seeOther("/login"));
    }

    /** Settings: a new password with the current one; the resident stays logged in here, nowhere else. */
    @POST
    @Path("/account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changePassword(@RestForm String currentPassword, @RestForm String password,
                                        @RestForm String passwordConfirmation, @Context HttpHeaders headers) {
        return pages.page(headers, "/account").flatMap(page -> {
            if (!page.loggedIn()) {
                return Uni.createFrom().item(Pages.seeOther("/login"));
            }
            if (isBlank(currentPassword) || isBlank(password) || isBlank(passwordConfirmation)) {
                return Uni.createFrom().item(Pages.respond(400, page,
                        Pages.account(page, null, page.messages().passwordRequired())));
            }
            return identity.changePassword(pages.sessionToken(headers), Map.of("currentPassword", currentPassword,
                            "newPassword", password, "newPasswordConfirmation", passwordConfirmation))
                    .map(done -> Pages.ok(page, Pages.account(page, page.messages().passwordChangedHere(), null)))
                    .onFailure().recoverWithItem(failure -> Pages.respond(ProblemMessages.status(failure), page,
                            Pages.account(page, null, ProblemMessages.isWrongPassword(failure)
                                    ? page.messages().wrongCurrentPassword() : ProblemMessages.of(failure, page))));
        });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }


    /** Ends the session on the server first, then forgets the cookie. */
    @POST
    @Path("/logout")
    public Uni<Response> logOut(@Context HttpHeaders headers) {
        String token = pages.sessionToken(headers);
        Uni<Void> end = token == null ? Uni.createFrom().voidItem() : identity.endSession(token);
        return end.onFailure().recoverWithNull()
                .map(ended -> Response.seeOther(java.net.URI.create("/")).cookie(cookies.clearSession()).build());
    }

    @GET
    @Path("/language/{code}")
    public Response switchLanguage(@RestPath String code, @RestQuery("return") String returnTo) {
        Language language = Language.parse(code);
        Response redirect = Pages.seeOther(returnTo);
        return language == null ? redirect : Response.fromResponse(redirect).cookie(cookies.language(language)).build();
    }
}

package fi.city.login.portal.rest;

import fi.city.login.portal.client.IdentityClient;
import fi.city.login.portal.client.IdentityProblem;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Map;

/** FLOW.md step 5 and the forgotten-password link: set a password from an emailed link, or order a new link. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RecoveryPages {

    private final IdentityClient identity;
    private final PageContext pages;
    private final Cookies cookies;

    public RecoveryPages(@RestClient IdentityClient identity, PageContext pages, Cookies cookies) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
    }

    /** Opening the link only shows the form: mail scanners follow links, and must not spend them. */
    @GET
    @Path("/recovery")
    public Uni<Response> openLink(@RestQuery String token, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/recovery");
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(linkUnusable(page, new IdentityProblem(404, "link-invalid")));
        }
        return identity.inspectLink(Map.of("token", token))
                .map(link -> {
                    // The email was in the account's language: unless the resident chose one, so is the page.
                    Language accountLanguage = Language.parse(link.locale());
                    if (pages.languageChosen(headers) || accountLanguage == null) {
                        return Pages.ok(page, Pages.setPassword(page, token, link.email(), null));
                    }
                    Page inAccountLanguage = pages.anonymous(accountLanguage, "/recovery");
                    return Response.fromResponse(Pages.ok(inAccountLanguage,
                                    Pages.setPassword(inAccountLanguage, token, link.email(), null)))
                            .cookie(cookies.language(accountLanguage)).build();
                })
                .onFailure().recoverWithItem(failure -> linkUnusable(page, failure));
    }

    @POST
    @Path("/recovery")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setPassword(@RestForm String token, @RestForm String username, @RestForm String password,
                                     @RestForm String passwordConfirmation, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/recovery");
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(linkUnusable(page, new IdentityProblem(404, "link-invalid")));
        }
        if (password == null || password.isEmpty() || passwordConfirmation == null || passwordConfirmation.isEmpty()) {
            return Uni.createFrom().item(Pages.respond(400, page,
                    Pages.setPassword(page, token, username, page.messages().passwordRequired())));
        }
        return identity.setPassword(Map.of("token", token, "password", password, "passwordConfirmation", passwordConfirmation))
                .map(done -> Pages.ok(page, Pages.passwordChanged(page)))
                .onFailure().recoverWithItem(failure -> ProblemMessages.isLinkProblem(failure) ? linkUnusable(page, failure)
                        : Pages.respond(ProblemMessages.status(failure), page,
                        Pages.setPassword(page, token, username, ProblemMessages.of(failure, page))));
    }

    @GET
    @Path("/forgot")
    public Response forgotForm(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/forgot");
        return Pages.ok(page, Pages.forgot(page, null, null));
    }

    /** Says the same whether or not the address has an account. */
    @POST
    @Path("/forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> requestLink(@RestForm String email, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/forgot");
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(Pages.respond(400, page, Pages.forgot(page, email, page.messages().invalidEmail())));
        }
        return identity.requestLink(Map.of("email", email))
                .map(sent -> Pages.ok(page, Pages.forgotSent(page)))
                .onFailure().recoverWithItem(failure -> Pages.respond(ProblemMessages.status(failure), page,
                        Pages.forgot(page, email, ProblemMessages.of(failure, page))));
    }

    private static Response linkUnusable(Page page, Throwable failure) {
        if (!ProblemMessages.isLinkProblem(failure)) {
            return Pages.respond(ProblemMessages.status(failure), page, Pages.error(page, ProblemMessages.of(failure, page)));
        }
        return Pages.respond(ProblemMessages.status(failure), page, Pages.linkUnusable(page, ProblemMessages.of(failure, page)));
    }
}

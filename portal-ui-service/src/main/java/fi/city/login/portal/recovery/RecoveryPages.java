package fi.city.login.portal.recovery;

import fi.city.login.facts.PortalRoutes;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.recovery.PasswordLinkRequest;
import fi.city.login.identity.api.recovery.PasswordLinkToken;
import fi.city.login.identity.api.recovery.PasswordLinkView;
import fi.city.login.identity.api.recovery.SetPasswordRequest;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.page.LinkPages;
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
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The recovery flow (docs/journey.md, screen 5, and "forgot your password?"): set a password from an
 * emailed password link, or order a new link.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RecoveryPages {

    private final IdentityApi identity;
    private final PageContext pages;
    private final LinkPages linkPages;

    public RecoveryPages(@RestClient IdentityApi identity, PageContext pages, LinkPages linkPages) {
        this.identity = identity;
        this.pages = pages;
        this.linkPages = linkPages;
    }

    /** Opening the link only shows the form: mail scanners follow links, and must not spend them. */
    @GET
    @Path(PortalRoutes.RECOVERY)
    public Uni<Response> openLink(@RestQuery String token, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, LinkPages.withToken(PortalRoutes.RECOVERY, token));
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(linkUnusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.inspectPasswordLink(new PasswordLinkToken(token))
                .map(link -> linkPages.show(headers, link.locale(), LinkPages.withToken(PortalRoutes.RECOVERY, token),
                        shown -> RecoveryTemplates.setPassword(shown, token, link.email(), null, firstPassword(link))))
                .onFailure().recoverWithItem(failure -> linkUnusable(page, failure));
    }

    @POST
    @Path(PortalRoutes.RECOVERY)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setPassword(@RestForm String token, @RestForm String username, @RestForm String password,
                                     @RestForm String passwordConfirmation, @RestForm boolean firstPassword,
                                     @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, LinkPages.withToken(PortalRoutes.RECOVERY, token));
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(linkUnusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        if (password == null || password.isEmpty() || passwordConfirmation == null || passwordConfirmation.isEmpty()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    RecoveryTemplates.setPassword(page, token, username, page.messages().passwordRequired(), firstPassword)));
        }
        return identity.setPassword(new SetPasswordRequest(token, password, passwordConfirmation))
                .map(done -> passwordSet(firstPassword, headers))
                .onFailure().recoverWithItem(failure -> ProblemMessages.isLinkProblem(failure) ? linkUnusable(page, failure)
                        : PageResponses.respond(ProblemMessages.status(failure), page,
                        RecoveryTemplates.setPassword(page, token, username, ProblemMessages.of(failure, page), firstPassword)));
    }

    @GET
    @Path("/forgot")
    public Response forgotForm(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/forgot");
        return PageResponses.ok(page, RecoveryTemplates.forgot(page, null, null));
    }

    /** Says the same whether or not the address has an account. */
    @POST
    @Path("/forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> requestLink(@RestForm String email, @Context HttpHeaders headers,
                                     @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/forgot");
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    RecoveryTemplates.forgot(page, email, page.messages().invalidEmail())));
        }
        return identity.requestPasswordLink(PageContext.clientAddress(request), new PasswordLinkRequest(email, page.language().code()))
                .map(sent -> forgotSent(headers))
                .onFailure().recoverWithItem(failure -> PageResponses.respond(ProblemMessages.status(failure), page,
                        RecoveryTemplates.forgot(page, email, ProblemMessages.of(failure, page))));
    }

    /**
     * "Check your email", also at an address of its own: the language menu returns there, not to an empty form.
     * It says nothing about any address, so anyone may open it.
     */
    @GET
    @Path("/forgot/sent")
    public Response forgotSent(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/forgot/sent");
        return PageResponses.ok(page, RecoveryTemplates.forgotSent(page));
    }

    /** "The password is set", at an address of its own for the language menu; it changes nothing. */
    @GET
    @Path("/recovery/done")
    public Response passwordSet(@RestQuery boolean first, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/recovery/done?first=" + first);
        return PageResponses.ok(page, RecoveryTemplates.passwordChanged(page, first));
    }

    static Response linkUnusable(Page page, Throwable failure) {
        if (!ProblemMessages.isLinkProblem(failure)) {
            return PageResponses.error(page, failure);
        }
        return PageResponses.respond(ProblemMessages.status(failure), page,
                RecoveryTemplates.linkUnusable(page, ProblemMessages.of(failure, page)));
    }

    /** Only the wording depends on it (the form carries it back as a hidden field). */
    private static boolean firstPassword(PasswordLinkView link) {
        return link.purpose() != PasswordLinkView.Purpose.FORGOTTEN_PASSWORD;
    }
}

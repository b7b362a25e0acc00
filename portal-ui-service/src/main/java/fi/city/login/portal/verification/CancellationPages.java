package fi.city.login.portal.verification;

import fi.city.login.facts.PortalRoutes;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.verification.EmailChangeToken;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.page.LinkPages;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
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

/**
 * "This wasn't me": the link mailed to the old address when a change of address is asked. Opening it shows
 * the change and a button; only the button (a POST) cancels it. No login is needed: the owner may have lost
 * the password to whoever asked.
 */
@Path(PortalRoutes.EMAIL_CHANGE_CANCELLATION)
@Produces(MediaType.TEXT_HTML)
public class CancellationPages {

    private final IdentityApi identity;
    private final PageContext pages;
    private final LinkPages linkPages;

    public CancellationPages(@RestClient IdentityApi identity, PageContext pages, LinkPages linkPages) {
        this.identity = identity;
        this.pages = pages;
        this.linkPages = linkPages;
    }

    @GET
    public Uni<Response> openLink(@RestQuery String token, @Context HttpHeaders headers) {
        String path = LinkPages.withToken(PortalRoutes.EMAIL_CHANGE_CANCELLATION, token);
        Page page = pages.anonymous(headers, path);
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(VerificationPages.unusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.inspectEmailChangeCancellation(new EmailChangeToken(token))
                .map(change -> linkPages.show(headers, change.locale(), path, shown ->
                        VerificationTemplates.cancelEmailChange(shown, token, change.currentEmail(), change.newEmail())))
                .onFailure().recoverWithItem(failure -> VerificationPages.unusable(page, failure));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@RestForm String token, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, LinkPages.withToken(PortalRoutes.EMAIL_CHANGE_CANCELLATION, token));
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(VerificationPages.unusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.cancelEmailChange(new EmailChangeToken(token))
                .map(done -> PageResponses.seeOther(PortalRoutes.EMAIL_CHANGE_CANCELLATION + "/done"))
                .onFailure().recoverWithItem(failure -> VerificationPages.unusable(page, failure));
    }

    @GET
    @Path("/done")
    public Response cancelled(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, PortalRoutes.EMAIL_CHANGE_CANCELLATION + "/done");
        return PageResponses.ok(page, VerificationTemplates.emailChangeCancelled(page));
    }
}

package fi.city.login.portal.verification;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.verification.EmailChangeToken;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.page.LinkPages;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.ProblemMessages;
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
 * The verification flow: the link mailed to a new email address. Opening it shows what will change and
 * a button; only the button (a POST) changes the address, since mail scanners follow links. No login is
 * needed: the change was asked for with the password, and the link proves the new mailbox.
 */
@Path("/email-change")
@Produces(MediaType.TEXT_HTML)
public class VerificationPages {

    private final IdentityApi identity;
    private final PageContext pages;
    private final LinkPages linkPages;

    public VerificationPages(@RestClient IdentityApi identity, PageContext pages, LinkPages linkPages) {
        this.identity = identity;
        this.pages = pages;
        this.linkPages = linkPages;
    }

    @GET
    public Uni<Response> openLink(@RestQuery String token, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, LinkPages.withToken("/email-change", token));
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(unusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.inspectEmailChange(new EmailChangeToken(token))
                .map(change -> linkPages.show(headers, change.locale(), LinkPages.withToken("/email-change", token),
                        shown -> VerificationTemplates.confirmEmail(shown, token, change.currentEmail(), change.newEmail(), null)))
                .onFailure().recoverWithItem(failure -> unusable(page, failure));
    }

    /** Changes the address, then redirects to a page of its own: reloading it or switching language repeats nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirm(@RestForm String token, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, LinkPages.withToken("/email-change", token));
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(unusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.confirmEmailChange(new EmailChangeToken(token))
                .map(done -> PageResponses.seeOther("/email-change/done"))
                .onFailure(failure -> ProblemMessages.is(failure, ProblemType.EMAIL_IN_USE))
                .recoverWithUni(failure -> identity.inspectEmailChange(new EmailChangeToken(token))
                        .map(change -> PageResponses.respond(409, page, VerificationTemplates.confirmEmail(page, token,
                                change.currentEmail(), change.newEmail(), page.messages().emailInUse()))))
                .onFailure().recoverWithItem(failure -> unusable(page, failure));
    }

    @GET
    @Path("/done")
    public Response changed(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/email-change/done");
        return PageResponses.ok(page, VerificationTemplates.emailChanged(page));
    }

    private static Response unusable(Page page, Throwable failure) {
        if (!ProblemMessages.isLinkProblem(failure)) {
            return PageResponses.error(page, failure);
        }
        return PageResponses.respond(ProblemMessages.status(failure), page,
                VerificationTemplates.emailChangeUnusable(page, ProblemMessages.of(failure, page)));
    }
}

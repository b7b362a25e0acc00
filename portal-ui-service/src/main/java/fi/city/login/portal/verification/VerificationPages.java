package fi.city.login.portal.verification;

import fi.city.login.facts.PortalRoutes;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.verification.EmailChangeConfirmation;
import fi.city.login.identity.api.verification.EmailChangeToken;
import fi.city.login.identity.api.verification.EmailChangeView;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.page.LinkPages;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.ProblemMessages;
import fi.city.login.portal.page.ReturnAfterLogin;
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
 * The verification flow: the link mailed to a new email address. Opening it shows what will change; only
 * the form (a POST) changes the address, since mail scanners follow links, and only in a live session of
 * that account with its password typed again: the link proves the mailbox, the login who reads it. A
 * browser without a session is asked to log in first, and comes back here after the login. The link
 * mailed to the old address at the same time cancels the change ({@link CancellationPages}).
 */
@Path(PortalRoutes.EMAIL_CHANGE)
@Produces(MediaType.TEXT_HTML)
public class VerificationPages {

    private final IdentityApi identity;
    private final PageContext pages;
    private final LinkPages linkPages;
    private final ReturnAfterLogin returnAfterLogin;

    public VerificationPages(@RestClient IdentityApi identity, PageContext pages, LinkPages linkPages,
                             ReturnAfterLogin returnAfterLogin) {
        this.identity = identity;
        this.pages = pages;
        this.linkPages = linkPages;
        this.returnAfterLogin = returnAfterLogin;
    }

    @GET
    public Uni<Response> openLink(@RestQuery String token, @Context HttpHeaders headers) {
        String path = LinkPages.withToken(PortalRoutes.EMAIL_CHANGE, token);
        Page anonymous = pages.anonymous(headers, path);
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(unusable(anonymous, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.inspectEmailChange(new EmailChangeToken(token))
                .flatMap(change -> pages.page(headers, path).map(page -> {
                    if (!page.loggedIn()) {
                        Response shown = linkPages.show(headers, change.locale(), path, inLanguage ->
                                VerificationTemplates.confirmEmail(inLanguage, token, change.currentEmail(), change.newEmail(),
                                        Step.LOG_IN_FIRST, null));
                        return Response.fromResponse(shown).cookie(returnAfterLogin.remember(path)).build();
                    }
                    return PageResponses.ok(page, VerificationTemplates.confirmEmail(page, token, change.currentEmail(),
                            change.newEmail(), step(page, change), null));
                }))
                .onFailure().recoverWithItem(failure -> unusable(anonymous, failure));
    }

    /** Changes the address, then redirects to a page of its own: reloading it or switching language repeats nothing. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirm(@RestForm String token, @RestForm String currentPassword, @RestForm String secondFactorCode,
                                 @Context HttpHeaders headers) {
        String path = LinkPages.withToken(PortalRoutes.EMAIL_CHANGE, token);
        Page anonymous = pages.anonymous(headers, path);
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(unusable(anonymous, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.confirmEmailChange(pages.sessionToken(headers),
                        new EmailChangeConfirmation(token, currentPassword == null ? "" : currentPassword, secondFactorCode))
                .map(done -> PageResponses.seeOther(PortalRoutes.EMAIL_CHANGE + "/done"))
                .onFailure(failure -> !ProblemMessages.isLinkProblem(failure) && failure instanceof IdentityProblem)
                .recoverWithUni(failure -> identity.inspectEmailChange(new EmailChangeToken(token))
                        .flatMap(change -> pages.page(headers, path).map(page -> PageResponses.respond(
                                ProblemMessages.status(failure), page, VerificationTemplates.confirmEmail(page, token,
                                        change.currentEmail(), change.newEmail(), refusedStep(page, change, failure),
                                        ProblemMessages.of(failure, page))))))
                .onFailure().recoverWithItem(failure -> unusable(anonymous, failure));
    }

    @GET
    @Path("/done")
    public Response changed(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, PortalRoutes.EMAIL_CHANGE + "/done");
        return PageResponses.ok(page, VerificationTemplates.emailChanged(page));
    }

    /** What the page asks of a logged-in resident: the password, or to log in as the link's account. */
    private static Step step(Page page, EmailChangeView change) {
        return page.resident().email().equalsIgnoreCase(change.currentEmail()) ? Step.PASSWORD : Step.OTHER_ACCOUNT;
    }

    /** After a refusal: the password again, unless the refusal says the form cannot be used at all. */
    private static Step refusedStep(Page page, EmailChangeView change, Throwable failure) {
        if (ProblemMessages.is(failure, ProblemType.EMAIL_IN_USE)) {
            return Step.NONE;
        }
        if (ProblemMessages.is(failure, ProblemType.SESSION_INVALID) || !page.loggedIn()) {
            return Step.LOG_IN_FIRST;
        }
        return step(page, change);
    }

    /** A link that cannot be used (unknown, spent, expired) gets the page that says so; anything else the error page. */
    static Response unusable(Page page, Throwable failure) {
        if (!ProblemMessages.isLinkProblem(failure)) {
            return PageResponses.error(page, failure);
        }
        return PageResponses.respond(ProblemMessages.status(failure), page,
                VerificationTemplates.emailChangeUnusable(page, ProblemMessages.of(failure, page)));
    }

    /** What the confirmation page asks for; the template shows one of them. */
    public enum Step {
        /** No session: log in (as the link's account) first. */
        LOG_IN_FIRST,
        /** Another account's session: log out, and in as the link's account. */
        OTHER_ACCOUNT,
        /** The link's account: its password, to confirm. */
        PASSWORD,
        /** Nothing more can be done with this link (the address was taken meanwhile). */
        NONE
    }
}

package fi.city.login.portal.recovery;

import fi.city.login.facts.PortalRoutes;
import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.recovery.PasswordLinkToken;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.page.Cookies;
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

import java.net.URI;

/**
 * "It wasn't me": the link of a new-browser notice. Opening it shows the account and a button; only the
 * button (a POST) ends every session and mails a password link. No login is needed: whoever logged in may
 * hold the session, and perhaps the password.
 */
@Path(PortalRoutes.SECURE_ACCOUNT)
@Produces(MediaType.TEXT_HTML)
public class SecureAccountPages {

    private final IdentityApi identity;
    private final PageContext pages;
    private final LinkPages linkPages;
    private final Cookies cookies;

    public SecureAccountPages(@RestClient IdentityApi identity, PageContext pages, LinkPages linkPages, Cookies cookies) {
        this.identity = identity;
        this.pages = pages;
        this.linkPages = linkPages;
        this.cookies = cookies;
    }

    @GET
    public Uni<Response> openLink(@RestQuery String token, @Context HttpHeaders headers) {
        String path = LinkPages.withToken(PortalRoutes.SECURE_ACCOUNT, token);
        Page page = pages.anonymous(headers, path);
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(RecoveryPages.linkUnusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.inspectSecureAccountLink(new PasswordLinkToken(token))
                .map(account -> linkPages.show(headers, account.locale(), path, shown ->
                        RecoveryTemplates.secureAccount(shown, token, account.email())))
                .onFailure().recoverWithItem(failure -> RecoveryPages.linkUnusable(page, failure));
    }

    /** The browser's own session ended with all the others: its cookie goes too. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> secure(@RestForm String token, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, LinkPages.withToken(PortalRoutes.SECURE_ACCOUNT, token));
        if (LinkPages.lacksToken(token)) {
            return Uni.createFrom().item(RecoveryPages.linkUnusable(page, IdentityProblem.of(ProblemType.LINK_INVALID)));
        }
        return identity.secureAccount(new PasswordLinkToken(token))
                .map(done -> Response.seeOther(URI.create(PortalRoutes.SECURE_ACCOUNT + "/done"))
                        .cookie(cookies.clearSession()).build())
                .onFailure().recoverWithItem(failure -> RecoveryPages.linkUnusable(page, failure));
    }

    @GET
    @Path("/done")
    public Response secured(@Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, PortalRoutes.SECURE_ACCOUNT + "/done");
        return PageResponses.ok(page, RecoveryTemplates.accountSecured(page));
    }
}

package fi.city.login.portal.account;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.settings.ChangePasswordRequest;
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

/** Account settings (docs/journey.md, screen 8: clicking one's own name): the resident's own details. */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private final IdentityApi identity;
    private final PageContext pages;

    public AccountPages(@RestClient IdentityApi identity, PageContext pages) {
        this.identity = identity;
        this.pages = pages;
    }

    @GET
    public Uni<Response> account(@Context HttpHeaders headers) {
        return pages.page(headers, "/account").map(page -> page.loggedIn()
                ? PageResponses.ok(page, AccountTemplates.account(page, null, null, false)) : PageResponses.seeOther("/login"));
    }

    /** A new password with the current one; the resident stays logged in here, nowhere else. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changePassword(@RestForm String currentPassword, @RestForm String password,
                                        @RestForm String passwordConfirmation, @Context HttpHeaders headers) {
        return pages.page(headers, "/account").flatMap(page -> {
            if (!page.loggedIn()) {
                return Uni.createFrom().item(PageResponses.seeOther("/login"));
            }
            if (isBlank(currentPassword) || isBlank(password) || isBlank(passwordConfirmation)) {
                return Uni.createFrom().item(PageResponses.respond(400, page,
                        AccountTemplates.account(page, null, page.messages().passwordRequired(), false)));
            }
            return identity.changePassword(pages.sessionToken(headers),
                            new ChangePasswordRequest(currentPassword, password, passwordConfirmation))
                    .map(done -> PageResponses.ok(page, AccountTemplates.account(page, page.messages().passwordChangedHere(), null, false)))
                    .onFailure().recoverWithItem(failure -> PageResponses.respond(ProblemMessages.status(failure), page,
                            refused(page, failure)));
        });
    }

    private static io.quarkus.qute.TemplateInstance refused(fi.city.login.portal.page.Page page, Throwable failure) {
        boolean currentWrong = ProblemMessages.is(failure, ProblemType.INVALID_CREDENTIALS);
        return AccountTemplates.account(page, null, currentWrong ? page.messages().wrongCurrentPassword()
                : ProblemMessages.of(failure, page), currentWrong);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}

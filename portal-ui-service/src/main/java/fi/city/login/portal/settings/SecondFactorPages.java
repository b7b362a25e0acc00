package fi.city.login.portal.settings;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.login.SecondFactorCode;
import fi.city.login.identity.api.settings.ReauthenticationRequest;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.PendingAuthorization;
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

import java.util.function.Function;

/**
 * Setting up an authenticator app (docs/journey.md, "Two-step verification"): the password again, then the QR
 * code and the key as text, then a code the app shows, then the ten recovery codes, once. An e-service that
 * asked for two factors sends the resident here when the account has none; once set up, the login goes on
 * there.
 */
@Path(PendingAuthorization.SECOND_FACTOR_SETUP)
@Produces(MediaType.TEXT_HTML)
public class SecondFactorPages {

    private static final int MAX_KEY_URI_LENGTH = 600;

    private final IdentityApi identity;
    private final PageContext pages;
    private final PendingAuthorization pendingAuthorization;

    public SecondFactorPages(@RestClient IdentityApi identity, PageContext pages, PendingAuthorization pendingAuthorization) {
        this.identity = identity;
        this.pages = pages;
        this.pendingAuthorization = pendingAuthorization;
    }

    @GET
    public Uni<Response> intro(@Context HttpHeaders headers) {
        return loggedIn(headers, page -> identity.secondFactor(pages.sessionToken(headers))
                .map(status -> status.enrolled() ? PageResponses.seeOther("/account") : intro(headers, page, null, 200)));
    }

    @POST
    @Path("/enrolment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> start(@RestForm String currentPassword, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            if (currentPassword == null || currentPassword.isEmpty()) {
                return Uni.createFrom().item(intro(headers, page, page.messages().passwordRequired(), 400));
            }
            return identity.startSecondFactorEnrolment(pages.sessionToken(headers), new ReauthenticationRequest(currentPassword, null))
                    .map(enrolment -> setup(page, null, enrolment.keyUri(), enrolment.secret(), 200))
                    .onFailure().recoverWithItem(failure -> intro(headers, page,
                            ProblemMessages.is(failure, ProblemType.INVALID_CREDENTIALS) ? page.messages().wrongCurrentPassword()
                                    : ProblemMessages.of(failure, page), ProblemMessages.status(failure)));
        });
    }

    /**
     * The key comes back with the form only to draw the page again after a mistyped code; identity-service
     * keeps the secret that counts, so a changed one only misleads whoever changed it.
     */
    @POST
    @Path("/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirm(@RestForm String code, @RestForm String keyUri, @RestForm String secret,
                                 @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            boolean drawable = keyUri != null && keyUri.startsWith("otpauth://totp/") && keyUri.length() <= MAX_KEY_URI_LENGTH
                    && secret != null && secret.length() <= 100;
            if (code == null || code.isBlank()) {
                return Uni.createFrom().item(drawable ? setup(page, page.messages().secondFactorCodeRequired(), keyUri, secret, 400)
                        : PageResponses.seeOther(PendingAuthorization.SECOND_FACTOR_SETUP));
            }
            return identity.confirmSecondFactor(pages.sessionToken(headers), new SecondFactorCode(code))
                    .map(codes -> PageResponses.ok(page, SettingsTemplates.recoveryCodes(page,
                            page.messages().secondFactorTurnedOn(), codes.codes(),
                            pendingAuthorization.continuation(headers).orElse("/account"))))
                    .onFailure().recoverWithItem(failure -> drawable && ProblemMessages.is(failure, ProblemType.SECOND_FACTOR_CODE_INVALID)
                            ? setup(page, ProblemMessages.of(failure, page), keyUri, secret, ProblemMessages.status(failure))
                            : intro(headers, page, ProblemMessages.of(failure, page), ProblemMessages.status(failure)));
        });
    }

    private Response intro(HttpHeaders headers, Page page, String error, int status) {
        return PageResponses.respond(status, page, SettingsTemplates.secondFactorIntro(page, error,
                pendingAuthorization.continuation(headers).isPresent()));
    }

    private static Response setup(Page page, String error, String keyUri, String secret, int status) {
        return PageResponses.respond(status, page, SettingsTemplates.secondFactorSetup(page, error, QrCodes.svg(keyUri), secret, keyUri));
    }

    private Uni<Response> loggedIn(HttpHeaders headers, Function<Page, Uni<Response>> action) {
        return pages.page(headers, PendingAuthorization.SECOND_FACTOR_SETUP).flatMap(page -> page.loggedIn() ? action.apply(page)
                : Uni.createFrom().item(PageResponses.seeOther("/login")));
    }
}

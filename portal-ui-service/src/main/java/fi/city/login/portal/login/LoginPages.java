package fi.city.login.portal.login;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.login.CodeLoginRequest;
import fi.city.login.identity.api.login.IdentifierRequest;
import fi.city.login.identity.api.login.LoginResponse;
import fi.city.login.identity.api.login.PasskeyLoginRequest;
import fi.city.login.identity.api.login.PasswordLoginRequest;
import fi.city.login.identity.api.login.SecondFactorCode;
import fi.city.login.identity.api.login.SecondFactorLoginRequest;
import fi.city.login.identity.api.login.SecondFactorPasskeyRequest;
import fi.city.login.identity.api.login.SessionView;
import fi.city.login.portal.page.CommonTemplates;
import fi.city.login.portal.page.Cookies;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.PendingAuthorization;
import fi.city.login.portal.page.ProblemMessages;
import fi.city.login.portal.page.ReturnAfterLogin;
import fi.city.login.portal.page.SecurityHeaders;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The login flow (docs/journey.md, screens 2, 3, 6, 7 and 8): the identifier step, then the password step
 * or the link-sent notice; and logout. A login that an e-service waits for (OpenID Connect) continues there.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {

    /** The page after the identifier step, as a GET: see {@link IdentifierOutcome}. */
    private static final String STEP = "/login/step";

    private final IdentityApi identity;
    private final PageContext pages;
    private final Cookies cookies;
    private final PendingAuthorization pendingAuthorization;
    private final ReturnAfterLogin returnAfterLogin;

    public LoginPages(@RestClient IdentityApi identity, PageContext pages, Cookies cookies,
                      PendingAuthorization pendingAuthorization, ReturnAfterLogin returnAfterLogin) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
        this.pendingAuthorization = pendingAuthorization;
        this.returnAfterLogin = returnAfterLogin;
    }

    /** A logged-in resident is sent home, unless an e-service asked for a fresh login (prompt=login, max_age). */
    @GET
    @Path("/login")
    public Uni<Response> identifierStep(@Context HttpHeaders headers) {
        boolean eServiceWaits = pendingAuthorization.continuation(headers).isPresent();
        // A passkey chosen here ends in a redirect to the waiting e-service: the CSP allows its origin.
        return pages.page(headers, "/login").map(page -> page.loggedIn() && !eServiceWaits ? PageResponses.seeOther("/")
                : allowingTheEService(headers, PageResponses.ok(page, LoginTemplates.login(page, null, null, null))));
    }

    @POST
    @Path("/login/identifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> identify(@RestForm String email, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(PageResponses.respond(400, page,
                    LoginTemplates.login(page, email, page.messages().invalidEmail(), null)));
        }
        return identity.identify(PageContext.clientAddress(request), new IdentifierRequest(email, page.language().code()))
                .map(result -> {
                    IdentifierOutcome outcome = IdentifierOutcome.of(result, email.strip());
                    return Response.fromResponse(show(headers, pages.anonymous(headers, STEP), outcome))
                            .cookie(cookies.loginStep(outcome.encode())).build();
                })
                .onFailure().recoverWithItem(failure -> PageResponses.respond(ProblemMessages.status(failure), page,
                        LoginTemplates.login(page, email, ProblemMessages.of(failure, page), null)));
    }

    /** The identifier step's answer again, from its cookie: where the language menu returns to after that step. */
    @GET
    @Path(STEP)
    public Response identifierOutcome(@Context HttpHeaders headers) {
        Cookie kept = headers.getCookies().get(Cookies.LOGIN_STEP);
        return IdentifierOutcome.decode(kept == null ? null : kept.getValue())
                .map(outcome -> show(headers, pages.anonymous(headers, STEP), outcome))
                .orElseGet(() -> PageResponses.seeOther("/login"));
    }

    private Response show(HttpHeaders headers, Page page, IdentifierOutcome outcome) {
        String email = outcome.email();
        return switch (outcome.next()) {
            case PASSWORD -> passwordStep(headers, page, email, null, false, false, false, 200);
            case PASSWORD_OR_LINK_SENT -> passwordStep(headers, page, email, null, true, false, false, 200);
            case LINK_SENT -> PageResponses.ok(page, LoginTemplates.linkSent(page, page.messages().linkSent()));
            case NOT_RECOGNISED -> PageResponses.ok(page, LoginTemplates.notRecognised(page, email));
            case USERNAME_IS_EMAIL -> PageResponses.ok(page, LoginTemplates.login(page, null, null,
                    page.messages().usernameIsEmail(outcome.maskedEmail())));
            case USERNAME_IS_EMAIL_LINK_SENT -> PageResponses.ok(page, LoginTemplates.linkSent(page,
                    page.messages().usernameIsEmailLinkSent(outcome.maskedEmail())));
            case USERNAME_IS_EMAIL_OR_LINK_SENT -> PageResponses.ok(page, LoginTemplates.login(page, null, null,
                    page.messages().usernameMaybeEmail()));
        };
    }

    @POST
    @Path("/login/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logIn(@RestForm String email, @RestForm String password, @RestForm boolean rememberMe,
                               @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, STEP);
        if (email == null || password == null || password.isEmpty()) {
            return Uni.createFrom().item(passwordStep(headers, page, email, page.messages().wrongCredentials(), false,
                    rememberMe, false, 400));
        }
        return identity.logIn(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new PasswordLoginRequest(email, password, rememberMe, pages.deviceToken(headers),
                                browser(headers)))
                .map(login -> loggedIn(headers, login))
                // Paused: a new browser of the owner gets in with a code by email, instead of only a refusal.
                .onFailure().recoverWithItem(failure -> passwordStep(headers, page, email, ProblemMessages.of(failure, page),
                        false, rememberMe, ProblemMessages.is(failure, ProblemType.TOO_MANY_ATTEMPTS),
                        ProblemMessages.status(failure)));
    }

    /** Asks identity-service to mail a login code, then shows where to type it; the same page whatever the address. */
    @POST
    @Path("/login/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> sendCode(@RestForm String email, @RestForm boolean rememberMe, @Context HttpHeaders headers,
                                  @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || email.isBlank()) {
            return Uni.createFrom().item(PageResponses.seeOther("/login"));
        }
        return identity.requestLoginCode(PageContext.clientAddress(request), new IdentifierRequest(email, page.language().code()))
                .map(sent -> codeStep(headers, page, email, null, rememberMe, 200))
                .onFailure().recoverWithItem(failure -> codeStep(headers, page, email, ProblemMessages.of(failure, page),
                        rememberMe, ProblemMessages.status(failure)));
    }

    @POST
    @Path("/login/code/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logInWithCode(@RestForm String email, @RestForm String code, @RestForm String password,
                                       @RestForm boolean rememberMe, @Context HttpHeaders headers,
                                       @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (email == null || code == null || code.isBlank() || password == null || password.isEmpty()) {
            return Uni.createFrom().item(codeStep(headers, page, email, page.messages().loginCodeInvalid(), rememberMe, 400));
        }
        return identity.logInWithCode(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new CodeLoginRequest(email, code, password, rememberMe, pages.deviceToken(headers), browser(headers)))
                .map(login -> loggedIn(headers, login))
                .onFailure().recoverWithItem(failure -> codeStep(headers, page, email, ProblemMessages.of(failure, page),
                        rememberMe, ProblemMessages.status(failure)));
    }

    /** A passkey login's options, for the page's script: JSON, straight from identity-service. */
    @POST
    @Path("/login/passkey/options")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> passkeyOptions() {
        return identity.passkeyOptions()
                .map(options -> Response.ok(options.publicKey(), MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build())
                .onFailure().recoverWithItem(failure -> Response.status(ProblemMessages.status(failure)).build());
    }

    /** The browser's answer to a passkey login: on as after a password, with no password typed. */
    @POST
    @Path("/login/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> logInWithPasskey(@RestForm String response, @Context HttpHeaders headers,
                                          @Context HttpServerRequest request) {
        Page page = pages.anonymous(headers, "/login");
        if (response == null || response.isBlank() || response.length() > 16000) {
            return Uni.createFrom().item(passkeyRefused(headers, page, page.messages().passkeyFailed(), 400));
        }
        return identity.logInWithPasskey(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new PasskeyLoginRequest(response, false, pages.deviceToken(headers), browser(headers)))
                .map(login -> loggedIn(headers, login))
                .onFailure().recoverWithItem(failure -> passkeyRefused(headers, page, ProblemMessages.of(failure, page),
                        ProblemMessages.status(failure)));
    }

    private Response passkeyRefused(HttpHeaders headers, Page page, String error, int status) {
        return allowingTheEService(headers, PageResponses.respond(status, page, LoginTemplates.login(page, null, error, null)));
    }

    /**
     * The second-factor step: the code of the authenticator app (or a recovery code) for the login the password
     * step left waiting; or, in a session with one factor, the second one an e-service asked for.
     */
    @GET
    @Path(PendingAuthorization.SECOND_FACTOR_STEP)
    public Uni<Response> secondFactorStep(@Context HttpHeaders headers) {
        if (loginFlow(headers) != null) {
            return Uni.createFrom().item(secondFactorStep(headers, pages.anonymous(headers, PendingAuthorization.SECOND_FACTOR_STEP),
                    null, false, 200));
        }
        return pages.page(headers, PendingAuthorization.SECOND_FACTOR_STEP).map(page -> page.loggedIn()
                ? secondFactorStep(headers, page, null, true, 200) : PageResponses.seeOther("/login"));
    }

    @POST
    @Path(PendingAuthorization.SECOND_FACTOR_STEP)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> giveSecondFactor(@RestForm String code, @Context HttpHeaders headers,
                                          @Context HttpServerRequest request) {
        String flow = loginFlow(headers);
        if (flow == null) {
            return stepUp(code, headers, request);
        }
        Page page = pages.anonymous(headers, PendingAuthorization.SECOND_FACTOR_STEP);
        if (code == null || code.isBlank()) {
            return Uni.createFrom().item(secondFactorStep(headers, page, page.messages().secondFactorCodeRequired(), false, 400));
        }
        return identity.logInWithSecondFactor(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new SecondFactorLoginRequest(flow, code, pages.deviceToken(headers), browser(headers)))
                .map(login -> loggedIn(headers, login))
                .onFailure().recoverWithItem(failure -> ProblemMessages.is(failure, ProblemType.LOGIN_FLOW_INVALID)
                        ? Response.fromResponse(PageResponses.respond(401, page, LoginTemplates.login(page, null,
                        page.messages().loginFlowExpired(), null))).cookie(cookies.clearLoginFlow()).build()
                        : secondFactorStep(headers, page, ProblemMessages.of(failure, page), false, ProblemMessages.status(failure)));
    }

    /** A passkey of the account instead of the authenticator app's code, for the login the password step left. */
    @POST
    @Path(PendingAuthorization.SECOND_FACTOR_STEP + "/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> giveSecondFactorPasskey(@RestForm String response, @Context HttpHeaders headers,
                                                 @Context HttpServerRequest request) {
        String flow = loginFlow(headers);
        Page page = pages.anonymous(headers, PendingAuthorization.SECOND_FACTOR_STEP);
        if (flow == null) {
            return stepUpWithPasskey(response, headers);
        }
        if (response == null || response.isBlank() || response.length() > 16000) {
            return Uni.createFrom().item(secondFactorStep(headers, page, page.messages().passkeyFailed(), false, 400));
        }
        return identity.logInWithSecondFactorPasskey(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new SecondFactorPasskeyRequest(flow, response, pages.deviceToken(headers), browser(headers)))
                .map(login -> loggedIn(headers, login))
                .onFailure().recoverWithItem(failure -> secondFactorStep(headers, page, ProblemMessages.of(failure, page),
                        false, ProblemMessages.status(failure)));
    }

    private Uni<Response> stepUpWithPasskey(String response, HttpHeaders headers) {
        boolean unusable = response == null || response.isBlank() || response.length() > 16000;
        return stepUp(headers, unusable, page -> page.messages().passkeyFailed(), () -> identity.addSecondFactorPasskey(
                pages.sessionToken(headers), new PasskeyLoginRequest(response, false, null, null)));
    }

    /** The second factor an e-service asked for, added to the session; then on to the e-service. */
    private Uni<Response> stepUp(String code, HttpHeaders headers, HttpServerRequest request) {
        return stepUp(headers, code == null || code.isBlank(), page -> page.messages().secondFactorCodeRequired(),
                () -> identity.addSecondFactor(PageContext.clientAddress(request), pages.sessionToken(headers),
                        new SecondFactorCode(code)));
    }

    /**
     * A second factor (a code or a passkey) added to a logged-in resident's session, then on to the waiting
     * e-service; a refusal shows the step again with its reason.
     */
    private Uni<Response> stepUp(HttpHeaders headers, boolean unusable, Function<Page, String> unusableMessage,
                                 Supplier<Uni<SessionView>> addFactor) {
        return pages.page(headers, PendingAuthorization.SECOND_FACTOR_STEP).flatMap(page -> {
            if (!page.loggedIn()) {
                return Uni.createFrom().item(PageResponses.seeOther("/login"));
            }
            if (unusable) {
                return Uni.createFrom().item(secondFactorStep(headers, page, unusableMessage.apply(page), true, 400));
            }
            return addFactor.get()
                    .map(session -> Response.seeOther(URI.create(pendingAuthorization.continuation(headers).orElse("/"))).build())
                    .onFailure().recoverWithItem(failure -> secondFactorStep(headers, page, ProblemMessages.of(failure, page),
                            true, ProblemMessages.status(failure)));
        });
    }

    private static String loginFlow(HttpHeaders headers) {
        Cookie flow = headers.getCookies().get(Cookies.LOGIN_FLOW);
        return flow == null || flow.getValue().isBlank() ? null : flow.getValue();
    }

    private Response secondFactorStep(HttpHeaders headers, Page page, String error, boolean askedByService, int status) {
        return allowingTheEService(headers, PageResponses.respond(status, page,
                LoginTemplates.secondFactorStep(page, error, askedByService)));
    }

    /**
     * On to where the login was for (an e-service waiting, a page that asked for it, else home), with the
     * cookies; or, when identity-service names another step, to that step with the flow's cookie.
     */
    private Response loggedIn(HttpHeaders headers, LoginResponse login) {
        if (login.next() == LoginResponse.Next.SECOND_FACTOR) {
            return Response.seeOther(URI.create(PendingAuthorization.SECOND_FACTOR_STEP))
                    .cookie(cookies.loginFlow(login.flowToken(), login.flowExpiresAt())).build();
        }
        return Response.seeOther(URI.create(pendingAuthorization.continuation(headers)
                        .or(() -> returnAfterLogin.path(headers)).orElse("/")))
                .cookie(cookies.session(login.sessionToken(), login.persistent(), login.sessionExpiresAt()),
                        cookies.device(login.deviceToken()), cookies.renewCsrfToken(), cookies.clearLoginStep(),
                        cookies.clearLoginFlow(), returnAfterLogin.forget())
                .build();
    }

    /**
     * The password step. When an e-service waits for this login, its form ends in a redirect there, which
     * the page's Content-Security-Policy must allow.
     */
    private Response passwordStep(HttpHeaders headers, Page page, String email, String error, boolean linkMaybeSent,
                                  boolean rememberMe, boolean codeOffered, int status) {
        return allowingTheEService(headers, PageResponses.respond(status, page,
                LoginTemplates.passwordStep(page, email, error, linkMaybeSent, rememberMe, codeOffered)));
    }

    private Response codeStep(HttpHeaders headers, Page page, String email, String error, boolean rememberMe, int status) {
        return allowingTheEService(headers, PageResponses.respond(status, page,
                LoginTemplates.codeStep(page, email, error, rememberMe)));
    }

    private Response allowingTheEService(HttpHeaders headers, Response response) {
        String eService = pendingAuthorization.redirectUri(headers);
        return eService == null ? response
                : Response.fromResponse(response).header(SecurityHeaders.CSP, SecurityHeaders.policy(eService)).build();
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
                            page, CommonTemplates.error(page, page.messages().errorTitle(), page.messages().logoutFailed()));
                });
    }

    /** The browser's User-Agent, cut to what identity-service keeps, for the resident's list of sessions. */
    private static String browser(HttpHeaders headers) {
        String userAgent = headers.getHeaderString(HttpHeaders.USER_AGENT);
        return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
    }
}

package fi.city.login.portal.oidc;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.oidc.AuthorizationRequest;
import fi.city.login.identity.api.oidc.AuthorizationResponse;
import fi.city.login.identity.api.oidc.LogoutRequest;
import fi.city.login.identity.api.oidc.LogoutResponse;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.page.CommonTemplates;
import fi.city.login.portal.page.Cookies;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PendingAuthorization;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.SecurityHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * OpenID Connect's browser-facing endpoints for the city's e-services (docs/oidc.md): the authorization
 * endpoint, which sends the resident through the login pages and back with a code, and the end-session
 * endpoint. identity-service decides; this page only carries the browser.
 */
@Path("/oauth2")
@Produces(MediaType.TEXT_HTML)
public class AuthorizationPages {

    /**
     * The request's parameters that survive the login. {@code prompt} and {@code max_age} do not: the login
     * that follows satisfies them (with {@code max_age=0} the request would otherwise ask for it forever),
     * and the ID token's {@code auth_time} tells the e-service when it happened.
     */
    private static final List<String> KEPT = List.of("response_type", "client_id", "redirect_uri", "scope", "state",
            "nonce", "code_challenge", "code_challenge_method", "acr_values");

    private final IdentityApi identity;
    private final PageContext pages;
    private final Cookies cookies;
    private final PendingAuthorization pending;

    public AuthorizationPages(@RestClient IdentityApi identity, PageContext pages, Cookies cookies,
                              PendingAuthorization pending) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
        this.pending = pending;
    }

    @GET
    @Path("/authorize")
    public Uni<Response> authorize(@Context UriInfo uri, @Context HttpHeaders headers) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Page page = pages.anonymous(headers, "/login");
        // RFC 6749 §3.1: no parameter more than once. Before the redirect URI is checked, only a page will do.
        if (query.values().stream().anyMatch(values -> values.size() > 1)) {
            return Uni.createFrom().item(invalidRequest(page));
        }
        AuthorizationRequest request = new AuthorizationRequest(query.getFirst("client_id"), query.getFirst("redirect_uri"),
                query.getFirst("response_type"), query.getFirst("scope"), query.getFirst("code_challenge"),
                query.getFirst("code_challenge_method"), query.getFirst("nonce"), query.getFirst("prompt"),
                query.getFirst("max_age"), query.getFirst("acr_values"));
        String state = query.getFirst("state");
        String kept = keptQuery(query);
        return identity.authorize(pages.sessionToken(headers), request)
                .map(answer -> switch (answer.outcome()) {
                    case CODE -> backToService(request.redirectUri(), answer, params("code", answer.code(), state, answer));
                    case ERROR -> backToService(request.redirectUri(), answer, errorParams(answer, state));
                    case LOGIN_REQUIRED -> waitFor("/login", kept, page);
                    case SECOND_FACTOR_REQUIRED -> waitFor(PendingAuthorization.SECOND_FACTOR_STEP, kept, page);
                    case SECOND_FACTOR_ENROLMENT_REQUIRED -> waitFor(PendingAuthorization.SECOND_FACTOR_SETUP, kept, page);
                })
                .onFailure().recoverWithItem(failure -> failed(page, failure));
    }

    /** The request waits in its cookie while the resident does what it needs, then is sent once more. */
    private Response waitFor(String path, String kept, Page page) {
        return kept.length() > PendingAuthorization.MAX_QUERY_LENGTH ? invalidRequest(page)
                : Response.seeOther(URI.create(path)).cookie(pending.remember(kept)).build();
    }

    /**
     * RP-initiated logout. With an ID token issued in this browser's own session, the e-service the
     * resident used here is asking, and the session ends at once; any other request is confirmed by the
     * resident first. A browser without a session has nothing to end: it goes straight back to the
     * e-service, or is told it is not logged in.
     */
    @GET
    @Path("/logout")
    public Uni<Response> logout(@Context UriInfo uri, @Context HttpHeaders headers) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Page anonymous = pages.anonymous(headers, "/");
        if (query.values().stream().anyMatch(values -> values.size() > 1)) {
            return Uni.createFrom().item(invalidRequest(anonymous));
        }
        String state = query.getFirst("state");
        LogoutRequest request = new LogoutRequest(query.getFirst("id_token_hint"), query.getFirst("client_id"),
                query.getFirst("post_logout_redirect_uri"));
        return identity.checkLogout(pages.sessionToken(headers), request)
                .flatMap(answer -> {
                    if (answer.endAtOnce()) {
                        return endSession(headers, anonymous, answer, state);
                    }
                    if (!answer.loggedIn()) {
                        return Uni.createFrom().item(answer.redirectUri() != null ? sendOn(answer, state)
                                : PageResponses.ok(anonymous, OidcTemplates.notLoggedIn(anonymous)));
                    }
                    return pages.page(headers, "/").map(page -> Response.fromResponse(PageResponses.ok(page,
                                    OidcTemplates.logoutConfirm(page, request.clientId(), answer.redirectUri(), state)))
                            .header(SecurityHeaders.CSP, SecurityHeaders.policy(answer.redirectUri())).build());
                })
                .onFailure().recoverWithItem(failure -> failed(anonymous, failure));
    }

    /** The resident confirmed the logout (the form carries the CSRF token, as every form does). */
    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> confirmLogout(@RestForm("client_id") String clientId,
                                       @RestForm("post_logout_redirect_uri") String postLogoutRedirectUri,
                                       @RestForm String state, @Context HttpHeaders headers) {
        Page page = pages.anonymous(headers, "/");
        return identity.checkLogout(pages.sessionToken(headers), new LogoutRequest(null, clientId, postLogoutRedirectUri))
                .flatMap(answer -> endSession(headers, page, answer, state))
                .onFailure().recoverWithItem(failure -> failed(page, failure));
    }

    /** Ends the session on the server (so the e-services' refresh tokens die with it), then sends the resident on. */
    private Uni<Response> endSession(HttpHeaders headers, Page page, LogoutResponse answer, String state) {
        String token = pages.sessionToken(headers);
        Uni<Void> end = token == null ? Uni.createFrom().voidItem() : identity.endSession(token);
        return end.map(ended -> {
            Response.ResponseBuilder response = answer.redirectUri() == null
                    ? Response.fromResponse(PageResponses.ok(page, OidcTemplates.loggedOut(page)))
                    : Response.fromResponse(sendOn(answer, state));
            return response.cookie(cookies.clearSession(), pending.forget()).build();
        });
    }

    /** Back to the e-service's registered post-logout URI, with its state. */
    private static Response sendOn(LogoutResponse answer, String state) {
        return Response.seeOther(URI.create(withQuery(answer.redirectUri(), state == null ? Map.of() : Map.of("state", state))))
                .build();
    }

    private Response backToService(String redirectUri, AuthorizationResponse answer, Map<String, String> params) {
        return Response.seeOther(URI.create(withQuery(redirectUri, params))).cookie(pending.forget()).build();
    }

    private static Map<String, String> params(String name, String value, String state, AuthorizationResponse answer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(name, value);
        if (state != null) {
            params.put("state", state);
        }
        params.put("iss", answer.issuer());
        return params;
    }

    private static Map<String, String> errorParams(AuthorizationResponse answer, String state) {
        Map<String, String> params = params("error", answer.error(), state, answer);
        if (answer.errorDescription() != null) {
            params.put("error_description", answer.errorDescription());
        }
        return params;
    }

    private static String keptQuery(MultivaluedMap<String, String> query) {
        Map<String, String> kept = new LinkedHashMap<>();
        KEPT.stream().filter(query::containsKey).forEach(name -> kept.put(name, query.getFirst(name)));
        return encode(kept);
    }

    /** The registered URI with the parameters added to its own query, if it has one. */
    private static String withQuery(String uri, Map<String, String> params) {
        if (params.isEmpty()) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + encode(params);
    }

    private static String encode(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** A request identity-service refused (400) is the e-service's mistake; anything else, the common error page. */
    private static Response failed(Page page, Throwable failure) {
        return failure instanceof IdentityProblem problem && problem.status() == 400 ? invalidRequest(page)
                : PageResponses.error(page, failure);
    }

    private static Response invalidRequest(Page page) {
        return PageResponses.respond(400, page,
                CommonTemplates.error(page, page.messages().errorTitle(), page.messages().loginRequestInvalid()));
    }
}

package fi.city.login.identity.flow.oidc.authorization;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.oidc.AuthorizationRequest;
import fi.city.login.identity.api.oidc.AuthorizationResponse;
import fi.city.login.identity.api.oidc.AuthorizationResponse.Outcome;
import fi.city.login.identity.grant.AuthorizationCodes;
import fi.city.login.identity.grant.Pkce;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.passkey.Passkey;
import fi.city.login.identity.secondfactor.SecondFactors;
import fi.city.login.identity.session.AuthenticationMethods;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.RegisteredClient;
import fi.city.login.identity.token.RegisteredClients;
import fi.city.login.identity.token.TokenConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The authorization endpoint's decisions (OpenID Connect Core §3.1.2), for the portal that serves it: an
 * unknown client or redirect URI is refused outright (never redirected to); any other error goes back to
 * the e-service; a live session that satisfies {@code prompt}, {@code max_age} and {@code acr_values} gets a
 * code; otherwise the resident logs in first, or gives (or sets up) the second factor that was asked for.
 */
@ApplicationScoped
class Authorization {

    private final RegisteredClients clients;
    private final Sessions sessions;
    private final AuthorizationCodes codes;
    private final String issuer;
    private final SecondFactors secondFactors;

    Authorization(RegisteredClients clients, Sessions sessions, AuthorizationCodes codes, TokenConfig tokens,
                  SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.clients = clients;
        this.sessions = sessions;
        this.codes = codes;
        this.issuer = tokens.issuer();
    }

    Uni<AuthorizationResponse> authorize(String sessionToken, AuthorizationRequest request) {
        RegisteredClient client = clients.find(request.clientId())
                .orElseThrow(() -> new Refusal(ProblemType.UNKNOWN_CLIENT));
        if (!client.allowsRedirect(request.redirectUri())) {
            throw new Refusal(ProblemType.REDIRECT_URI_NOT_REGISTERED);
        }
        if (!"code".equals(request.responseType())) {
            return error("unsupported_response_type", "only the authorization code flow (response_type=code) is supported");
        }
        if (request.codeChallenge() == null || !Pkce.S256.equals(request.codeChallengeMethod())) {
            return error("invalid_request", "PKCE with code_challenge_method=S256 is required");
        }
        if (!Pkce.isChallenge(request.codeChallenge())) {
            return error("invalid_request", "code_challenge is not a BASE64URL SHA-256");
        }
        List<String> scopes = client.residentScopes(request.scope()).orElse(null);
        if (scopes == null) {
            return error("invalid_scope", "openid is required, with profile and email as registered for the client");
        }
        Set<String> prompt = request.prompt() == null || request.prompt().isBlank() ? Set.of()
                : Set.of(request.prompt().strip().split("\\s+"));
        if (prompt.contains("none") && prompt.size() > 1) {
            return error("invalid_request", "prompt=none cannot be combined with other values");
        }
        Duration maxAge;
        try {
            maxAge = request.maxAge() == null || request.maxAge().isBlank() ? null : Duration.ofSeconds(Long.parseUnsignedLong(request.maxAge()));
        } catch (NumberFormatException e) {
            return error("invalid_request", "max_age is not a number of seconds");
        }
        boolean twoFactorsAsked = twoFactorsAsked(request.acrValues());
        Instant now = Instant.now();
        return Panache.withTransaction(() -> liveSession(sessionToken).flatMap(session -> {
            boolean loginNeeded = session == null || prompt.contains("login")
                    || (maxAge != null && session.createdAt.plus(maxAge).isBefore(now));
            if (loginNeeded) {
                return prompt.contains("none") ? error("login_required", null)
                        : Uni.createFrom().item(new AuthorizationResponse(Outcome.LOGIN_REQUIRED, null, null, null, issuer));
            }
            if (twoFactorsAsked && !session.hadSecondFactor()) {
                return prompt.contains("none") ? error("interaction_required", "a second factor is needed")
                        : secondFactors.enrolled(session.account.id)
                        .flatMap(app -> app ? Uni.createFrom().item(true) : Passkey.count("accountId", session.account.id).map(n -> n > 0))
                        .map(enrolled -> new AuthorizationResponse(enrolled
                        ? Outcome.SECOND_FACTOR_REQUIRED : Outcome.SECOND_FACTOR_ENROLMENT_REQUIRED, null, null, null, issuer));
            }
            return sessions.touch(session, now)
                    .flatMap(touched -> codes.issue(client.id(), session, request.redirectUri(), scopes,
                            request.codeChallenge(), request.nonce(), now))
                    .map(code -> new AuthorizationResponse(Outcome.CODE, code, null, null, issuer));
        }));
    }

    /**
     * acr_values lists the levels the e-service accepts, "1" (one factor) and "2" (two factors): two are
     * needed when "2" is listed and "1" is not. Values the suite does not know are ignored (Core §3.1.2.1:
     * the request is voluntary unless the claims parameter makes it essential).
     */
    static boolean twoFactorsAsked(String acrValues) {
        if (acrValues == null || acrValues.isBlank()) {
            return false;
        }
        List<String> levels = List.of(acrValues.strip().split("\\s+"));
        return levels.contains(AuthenticationMethods.TWO_FACTORS) && !levels.contains(AuthenticationMethods.ONE_FACTOR);
    }

    private Uni<Session> liveSession(String sessionToken) {
        return sessionToken == null ? Uni.createFrom().nullItem()
                : sessions.current(sessionToken).onFailure(Refusal.class).recoverWithNull();
    }

    private Uni<AuthorizationResponse> error(String error, String description) {
        return Uni.createFrom().item(new AuthorizationResponse(Outcome.ERROR, null, error, description, issuer));
    }
}

package fi.city.login.identity.flow.oidc;

import fi.city.login.identity.flow.oidc.OpenIdConnectFlow.Pkce;
import fi.city.login.identity.support.IdentityCalls;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.CLIENT;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.REDIRECT;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.authorize;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.code;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.exchange;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.refresh;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.request;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.userInfo;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect's authorization code flow with PKCE against the real database: codes and refresh tokens
 * are single use under parallel requests, replays revoke what came from them, and the ID token verifies
 * with a stock library against the published JWKS.
 */
@QuarkusTest
@RealServers
class OpenIdConnectTest {

    private static final String PASSWORD = "pitkä ja hyvä salasana";

    @Inject
    TestAccounts accounts;

    @Test
    void anIdTokenFromTheCodeVerifiesAgainstTheJwksAndEchoesTheNonce() throws Exception {
        Migrated resident = accounts.activeWithPassword("Erkki Esimerkki", PASSWORD);
        String session = logIn(resident);
        Pkce pkce = Pkce.fresh();
        JsonPath tokens = exchange(code(session, pkce, "nonssi-123"), pkce.verifier()).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();

        JwtClaims id = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(given().get("/.well-known/jwks.json").asString()).getJsonWebKeys()))
                .setExpectedIssuer(discovery().getString("issuer"))
                .setExpectedAudience(CLIENT)
                .setRequireExpirationTime()
                .build().processToClaims(tokens.getString("id_token"));
        assertEquals(resident.id().toString(), id.getSubject());
        assertEquals("nonssi-123", id.getClaimValue("nonce"));
        assertEquals(resident.email(), id.getClaimValue("email"));
        assertEquals(Boolean.TRUE, id.getClaimValue("email_verified"));
        assertEquals("Erkki Esimerkki", id.getClaimValue("name"));
        assertEquals(List.of(resident.legacyUsername()), id.getStringListClaimValue("legacy_usernames"));
        assertNotNull(id.getClaimValue("auth_time"));
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals("openid profile email", tokens.getString("scope"));

        userInfo(tokens.getString("access_token")).then().statusCode(200)
                .body("sub", equalTo(resident.id().toString()))
                .body("legacy_usernames[0]", equalTo(resident.legacyUsername()));
        assertEquals(1, accounts.auditEvents(resident.id(), "ESERVICE_LOGIN"));
    }

    @Test
    void discoveryListsExactlyWhatTheEndpointsDo() {
        JsonPath discovery = discovery();
        assertEquals(List.of("code"), discovery.getList("response_types_supported"));
        assertEquals(List.of("S256"), discovery.getList("code_challenge_methods_supported"));
        assertEquals(List.of("authorization_code", "refresh_token", "client_credentials"), discovery.getList("grant_types_supported"));
        assertTrue(discovery.getString("authorization_endpoint").endsWith("/oauth2/authorize"));
        assertTrue(discovery.getString("end_session_endpoint").endsWith("/oauth2/logout"));
        String issuer = discovery.getString("issuer");
        for (String endpoint : List.of("token_endpoint", "userinfo_endpoint", "jwks_uri")) {
            assertTrue(discovery.getString(endpoint).startsWith(issuer), endpoint);
        }
        String path = discovery.getString("jwks_uri").substring(issuer.length());
        given().get(path).then().statusCode(200).body("keys[0].alg", equalTo("RS256"));
        given().get(discovery.getString("userinfo_endpoint").substring(issuer.length())).then().statusCode(401);
        given().formParam("grant_type", "password").post(discovery.getString("token_endpoint").substring(issuer.length()))
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void aCodeWorksOnceAndItsReplayRevokesTheTokensIssuedFromIt() {
        Migrated resident = accounts.activeWithPassword("Uudelleen Käyttäjä", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String code = code(logIn(resident), pkce, "n");
        String refreshToken = exchange(code, pkce.verifier()).then().statusCode(200).extract().path("refresh_token");

        exchange(code, pkce.verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(1, accounts.auditEvents(resident.id(), "TOKEN_REPLAYED"));
    }

    @Test
    void fortyParallelExchangesOfOneCodeIssueTokensOnce() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Koodi", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String code = code(logIn(resident), pkce, "n");
        String issued = theOneWinnerOfForty(() -> exchange(code, pkce.verifier()));
        // The losers were replays: the one refresh token issued is revoked with its family.
        refresh(issued).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aWrongVerifierRedirectUriOrClientIsRefusedWithoutSpendingTheCode() {
        Migrated resident = accounts.activeWithPassword("Väärä Todiste", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String code = code(logIn(resident), pkce, "n");
        exchange(code, Pkce.fresh().verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));
        exchange(code, pkce.verifier(), "https://asiointihistoria.example/other").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "authorization_code").formParam("client_id", "mobiili").formParam("code", code)
                .formParam("redirect_uri", REDIRECT).formParam("code_verifier", pkce.verifier()).post("/oauth2/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "authorization_code").formParam("code", code).formParam("redirect_uri", REDIRECT)
                .post("/oauth2/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        exchange(code, pkce.verifier()).then().statusCode(200);
    }

    @Test
    void anExpiredCodeIsRefused() {
        Migrated resident = accounts.activeWithPassword("Vanha Koodi", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String code = code(logIn(resident), pkce, "n");
        accounts.expireAuthorizationCodes(resident.id());
        exchange(code, pkce.verifier()).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anUnknownClientOrRedirectUriIsAProblemNeverARedirect() {
        Pkce pkce = Pkce.fresh();
        authorize(null, request(pkce, "n", Map.of("redirectUri", "https://hyokkaaja.example/callback"))).then()
                .statusCode(400).body("type", equalTo("/problems/redirect-uri-not-registered"));
        authorize(null, request(pkce, "n", Map.of("redirectUri", REDIRECT + "/"))).then()
                .statusCode(400).body("type", equalTo("/problems/redirect-uri-not-registered"));
        authorize(null, request(pkce, "n", Map.of("clientId", "tuntematon"))).then()
                .statusCode(400).body("type", equalTo("/problems/unknown-client"));
    }

    @Test
    void otherErrorsGoBackToTheEService() {
        Pkce pkce = Pkce.fresh();
        assertError(request(pkce, "n", Map.of("codeChallengeMethod", "plain")), "invalid_request");
        assertError(request(pkce, "n", Map.of("codeChallenge", "")), "invalid_request");
        assertError(request(pkce, "n", Map.of("responseType", "token")), "unsupported_response_type");
        assertError(request(pkce, "n", Map.of("scope", "profile email")), "invalid_scope");
        assertError(request(pkce, "n", Map.of("scope", "openid accounts:read")), "invalid_scope");
        assertError(request(pkce, "n", Map.of("prompt", "none")), "login_required");
        assertError(request(pkce, "n", Map.of("maxAge", "-1")), "invalid_request");
        authorize(null, request(pkce, "n", Map.of())).then().statusCode(200)
                .body("outcome", equalTo("LOGIN_REQUIRED")).body("code", nullValue());
    }

    @Test
    void promptLoginAndAnExceededMaxAgeAskForTheLoginAgain() throws Exception {
        Migrated resident = accounts.activeWithPassword("Uusi Kirjautuminen", PASSWORD);
        String session = logIn(resident);
        Pkce pkce = Pkce.fresh();
        authorize(session, request(pkce, "n", Map.of("prompt", "login"))).then().body("outcome", equalTo("LOGIN_REQUIRED"));
        Thread.sleep(1100);
        authorize(session, request(pkce, "n", Map.of("maxAge", "0"))).then().body("outcome", equalTo("LOGIN_REQUIRED"));
        authorize(session, request(pkce, "n", Map.of("maxAge", "3600"))).then().body("outcome", equalTo("CODE"));
    }

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() {
        Migrated resident = accounts.activeWithPassword("Kiertävä Tunnus", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String first = exchange(code(logIn(resident), pkce, "n"), pkce.verifier()).then().statusCode(200)
                .extract().path("refresh_token");
        JsonPath refreshed = refresh(first).then().statusCode(200).extract().jsonPath();
        String second = refreshed.getString("refresh_token");
        assertNotNull(refreshed.getString("id_token"));
        userInfo(refreshed.getString("access_token")).then().statusCode(200);

        refresh(first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(second).then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(1, accounts.auditEvents(resident.id(), "TOKEN_REPLAYED"));
    }

    @Test
    void fortyParallelRefreshesWithOneTokenRotateItOnce() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Uusinta", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String token = exchange(code(logIn(resident), pkce, "n"), pkce.verifier()).then().statusCode(200)
                .extract().path("refresh_token");
        String issued = theOneWinnerOfForty(() -> refresh(token));
        refresh(issued).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void logoutEndsRefreshTokensAndUserinfo() {
        Migrated resident = accounts.activeWithPassword("Uloskirjautuja", PASSWORD);
        String session = logIn(resident);
        Pkce pkce = Pkce.fresh();
        JsonPath tokens = exchange(code(session, pkce, "n"), pkce.verifier()).then().statusCode(200).extract().jsonPath();
        asPortal().header("X-Session-Token", session).delete("/api/v1/session").then().statusCode(204);

        refresh(tokens.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        userInfo(tokens.getString("access_token")).then().statusCode(401);
    }

    @Test
    void aNewPasswordRevokesTheEServicesRefreshTokens() {
        Migrated resident = accounts.activeWithPassword("Salasanan Vaihtaja", PASSWORD);
        String session = logIn(resident);
        Pkce pkce = Pkce.fresh();
        String refreshToken = exchange(code(session, pkce, "n"), pkce.verifier()).then().statusCode(200)
                .extract().path("refresh_token");
        asPortal().header("X-Session-Token", session).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "toinen pitkä salasana",
                        "newPasswordConfirmation", "toinen pitkä salasana"))
                .post("/api/v1/settings/password").then().statusCode(204);
        refresh(refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aPublicClientUsesPkceAloneAndGetsNoTokenOfItsOwn() {
        Migrated resident = accounts.activeWithPassword("Mobiili Käyttäjä", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String code = authorize(logIn(resident), request(pkce, "n", Map.of("clientId", "mobiili",
                "redirectUri", "https://mobiili.example/callback", "scope", "openid profile")))
                .then().statusCode(200).extract().path("code");
        given().formParam("grant_type", "authorization_code").formParam("client_id", "mobiili").formParam("code", code)
                .formParam("redirect_uri", "https://mobiili.example/callback").formParam("code_verifier", pkce.verifier())
                .post("/oauth2/token").then().statusCode(200).body("scope", equalTo("openid profile"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "mobiili").post("/oauth2/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void logoutSendsOnlyToARegisteredUriOfTheServiceThatAsks() {
        Migrated resident = accounts.activeWithPassword("Lähtijä", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String session = logIn(resident);
        String idToken = exchange(code(session, pkce, "n"), pkce.verifier()).then().statusCode(200)
                .extract().path("id_token");
        checkLogout(session, Map.of("idTokenHint", idToken, "postLogoutRedirectUri", "https://asiointihistoria.example/"))
                .then().statusCode(200).body("endAtOnce", equalTo(true)).body("loggedIn", equalTo(true))
                .body("redirectUri", equalTo("https://asiointihistoria.example/"));
        checkLogout(session, Map.of("idTokenHint", idToken, "postLogoutRedirectUri", "https://hyokkaaja.example/")).then()
                .statusCode(400).body("type", equalTo("/problems/redirect-uri-not-registered"));
        checkLogout(session, Map.of("clientId", CLIENT, "postLogoutRedirectUri", "https://asiointihistoria.example/")).then()
                .statusCode(200).body("endAtOnce", equalTo(false)).body("loggedIn", equalTo(true));
        checkLogout(session, Map.of("idTokenHint", idToken.substring(0, idToken.length() - 4) + "AAAA")).then().statusCode(400);
        checkLogout(session, Map.of()).then().statusCode(200).body("redirectUri", nullValue());
    }

    /** A valid ID token of ours from someone else's session, posted as a link anywhere, logs no visitor out unasked. */
    @Test
    void anIdTokenFromAnotherSessionEndsThisOneOnlyWhenTheResidentConfirms() {
        Migrated poster = accounts.activeWithPassword("Linkin Levittäjä", PASSWORD);
        Pkce pkce = Pkce.fresh();
        String postersToken = exchange(code(logIn(poster), pkce, "n"), pkce.verifier()).then().statusCode(200)
                .extract().path("id_token");
        Migrated visitor = accounts.activeWithPassword("Linkin Avaaja", PASSWORD);
        String visitorsSession = logIn(visitor);
        checkLogout(visitorsSession, Map.of("idTokenHint", postersToken)).then().statusCode(200)
                .body("endAtOnce", equalTo(false)).body("loggedIn", equalTo(true));
        checkLogout(null, Map.of("idTokenHint", postersToken)).then().statusCode(200)
                .body("endAtOnce", equalTo(false)).body("loggedIn", equalTo(false));
        checkLogout("ei-istunto", Map.of()).then().statusCode(200).body("loggedIn", equalTo(false));
        asPortal().header("X-Session-Token", visitorsSession).get("/api/v1/session").then().statusCode(200);
    }

    /** Forty of the same grant at the same moment: exactly one answers tokens; its refresh token. */
    private static String theOneWinnerOfForty(java.util.function.Supplier<io.restassured.response.Response> grant) throws Exception {
        ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> {
            var answer = grant.get();
            if (answer.statusCode() == 200) {
                issued.add(answer.path("refresh_token"));
            }
            return answer.statusCode();
        });
        assertEquals(Map.of(200, 1, 400, 39), answers);
        return issued.peek();
    }

    private static io.restassured.response.Response checkLogout(String sessionToken, Map<String, Object> request) {
        var call = asPortal().contentType(ContentType.JSON).body(request);
        return (sessionToken == null ? call : call.header("X-Session-Token", sessionToken)).post("/api/v1/oidc/logout");
    }

    private static void assertError(Map<String, Object> request, String error) {
        authorize(null, request).then().statusCode(200).body("outcome", equalTo("ERROR")).body("error", equalTo(error));
    }

    private static JsonPath discovery() {
        return given().get("/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
    }

    private static String logIn(Migrated resident) {
        return IdentityCalls.login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
    }
}

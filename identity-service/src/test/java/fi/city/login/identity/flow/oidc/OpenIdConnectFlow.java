package fi.city.login.identity.flow.oidc;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static io.restassured.RestAssured.given;

/** The calls of an e-service's login, as the portal and the e-service's back end make them. */
final class OpenIdConnectFlow {

    static final String CLIENT = "asiointihistoria";
    static final String SECRET = "test-only-secret-for-asiointihistoria";
    static final String REDIRECT = "https://asiointihistoria.example/callback";

    private OpenIdConnectFlow() {
    }

    /** A PKCE verifier and its S256 challenge. */
    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            return new Pkce(verifier, s256(verifier));
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization request's parameters for the confidential test client, changed by {@code overrides}. */
    static Map<String, Object> request(Pkce pkce, String nonce, Map<String, Object> overrides) {
        Map<String, Object> request = new HashMap<>();
        request.put("clientId", CLIENT);
        request.put("redirectUri", REDIRECT);
        request.put("responseType", "code");
        request.put("scope", "openid profile email");
        request.put("codeChallenge", pkce.challenge());
        request.put("codeChallengeMethod", "S256");
        request.put("nonce", nonce);
        request.putAll(overrides);
        return request;
    }

    static Response authorize(String sessionToken, Map<String, Object> request) {
        var call = asPortal().contentType(ContentType.JSON).body(request);
        if (sessionToken != null) {
            call = call.header("X-Session-Token", sessionToken);
        }
        return call.post("/api/v1/oidc/authorize");
    }

    /** A code for the session, from a request with this PKCE pair and nonce. */
    static String code(String sessionToken, Pkce pkce, String nonce) {
        return authorize(sessionToken, request(pkce, nonce, Map.of())).then().statusCode(200).extract().path("code");
    }

    static Response exchange(String code, String verifier) {
        return exchange(code, verifier, REDIRECT);
    }

    static Response exchange(String code, String verifier, String redirectUri) {
        return given().auth().preemptive().basic(CLIENT, SECRET).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", redirectUri).formParam("code_verifier", verifier)
                .post("/oauth2/token");
    }

    static Response refresh(String refreshToken) {
        return given().auth().preemptive().basic(CLIENT, SECRET).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth2/token");
    }

    static Response userInfo(String accessToken) {
        return given().auth().oauth2(accessToken).get("/oauth2/userinfo");
    }
}

package fi.city.login.identity.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The calls that many tests make to identity-service's API, as the portal makes them (as its client). */
public final class IdentityCalls {

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS = new java.util.concurrent.atomic.AtomicInteger();

    private IdentityCalls() {
    }

    /** A request as the portal makes it: with a token of the portal's client (scope portal). */
    public static RequestSpecification asPortal() {
        return given().auth().oauth2(clientToken("portal", "test-only-secret-for-portal"));
    }

    /** A client credentials token from the service under test (its signing key lives as long as the app). */
    public static String clientToken(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    /**
     * A resident's address of their own for each call: requests that may send an email are limited per
     * address and hour, and the tests' calls are not one resident's.
     */
    public static String anyAddress() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "10.200." + (n / 256 % 256) + "." + (n % 256);
    }

    public static Response identify(String email) {
        return identify(email, "fi");
    }

    /** @param locale the language of the portal's page */
    public static Response identify(String email, String locale) {
        return asPortal().header("X-Client-Address", anyAddress()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "locale", locale)).post("/api/v1/login/identifier");
    }

    public static Response inspect(String token) {
        return asPortal().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/recovery/password-links/inspect");
    }

    public static Response setPassword(String token, String password, String confirmation) {
        return asPortal().contentType(ContentType.JSON)
                .body(Map.of("token", token, "password", password, "passwordConfirmation", confirmation))
                .post("/api/v1/recovery/password");
    }

    public static Response login(String email, String password, boolean rememberMe) {
        return asPortal().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "rememberMe", rememberMe))
                .post("/api/v1/login/password");
    }

    public static Response requestLink(String email) {
        return asPortal().header("X-Client-Address", anyAddress()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "locale", "fi")).post("/api/v1/recovery/password-links");
    }
}

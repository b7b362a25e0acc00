package fi.city.login.identity.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** The calls that many tests make to identity-service's API, as the portal makes them. */
public final class IdentityCalls {

    private IdentityCalls() {
    }

    public static Response identify(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/login/identifier");
    }

    public static Response inspect(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/recovery/password-links/inspect");
    }

    public static Response setPassword(String token, String password, String confirmation) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "password", password, "passwordConfirmation", confirmation))
                .post("/api/v1/recovery/password");
    }

    public static Response login(String email, String password, boolean rememberMe) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "rememberMe", rememberMe))
                .post("/api/v1/login/password");
    }

    public static Response requestLink(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/recovery/password-links");
    }
}

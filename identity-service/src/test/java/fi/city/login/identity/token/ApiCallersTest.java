package fi.city.login.identity.token;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static fi.city.login.identity.support.IdentityCalls.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every caller of identity-service is a client with a token for identity-service: the residents' flows
 * only for the portal's client, the lookup only with its scope, and a resident's token nowhere.
 */
@QuarkusTest
@RealServers
class ApiCallersTest {

    private static final String PASSWORD = "kutsujien salasana tässä";

    @Inject
    TestAccounts accounts;

    @Test
    void theResidentsFlowsAnswerOnlyThePortalsClient() {
        Map<String, String> body = Map.of("email", "kuka.tahansa@example.com");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/login/identifier").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("/problems/unauthorized"));
        given().auth().oauth2("ei.oikea.tunniste").contentType(ContentType.JSON).body(body)
                .post("/api/v1/recovery/password-links").then().statusCode(401);
        String lookupClient = clientToken("asiointihistoria", "test-only-secret-for-asiointihistoria");
        given().auth().oauth2(lookupClient).contentType(ContentType.JSON).body(body)
                .post("/api/v1/login/identifier").then().statusCode(403).body("type", equalTo("/problems/insufficient-scope"));
        // A stranger cannot state whose address a guess came from: it cannot call the login at all.
        given().auth().oauth2(lookupClient).header("X-Client-Address", "192.0.2.1").contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.com", "password", "y", "rememberMe", false))
                .post("/api/v1/login/password").then().statusCode(403);
    }

    @Test
    void aResidentsAccessTokenIsNotAClientToken() {
        Migrated resident = accounts.activeWithPassword("Tokenin Haltija", PASSWORD);
        String residentToken = login(resident.email(), PASSWORD, false).then().statusCode(200)
                .extract().path("accessToken");
        given().auth().oauth2(residentToken).get("/api/v1/accounts/" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(residentToken).contentType(ContentType.JSON).body(Map.of("email", resident.email()))
                .post("/api/v1/login/identifier").then().statusCode(401);
    }

    /** Relative to the management interface's root path, /q. */
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void thePublicEndpointsNeedNoTokenAndHealthIsOnTheManagementPortOnly() {
        given().get("/.well-known/jwks.json").then().statusCode(200);
        given().get("/.well-known/openid-configuration").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get(readiness).then().statusCode(200);
    }
}

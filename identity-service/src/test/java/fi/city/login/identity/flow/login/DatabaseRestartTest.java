package fi.city.login.identity.flow.login;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.infra.Await;
import fi.city.login.infra.EmbeddedPostgresServer;
import fi.city.login.infra.quarkus.InjectPostgresServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.anyAddress;
import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL restarts mid-traffic: while it is away every call answers 503 "unavailable" with
 * Retry-After (never a 500), readiness says not ready, nothing is half-written; once it is back the same
 * calls succeed without restarting the service.
 */
@QuarkusTest
@RealServers
class DatabaseRestartTest {

    private static final String PASSWORD = "tietokanta palaa pian";

    @InjectPostgresServer
    EmbeddedPostgresServer postgres;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void callsDuringARestartGetA503AndSucceedAfterIt() throws Exception {
        Migrated resident = accounts.activeWithPassword("Katkon Asukas", PASSWORD);
        String token = clientToken("portal", "test-only-secret-for-portal"); // fetched while the database is up
        login(token, resident.email()).then().statusCode(200);
        String newcomer = "katkon-aikana-" + UUID.randomUUID() + "@example.com";

        postgres.stop();
        try {
            Await.until("readiness says not ready", Duration.ofSeconds(30), () -> given().get(readiness).statusCode() == 503);
            login(token, resident.email()).then().statusCode(503).header("Retry-After", "5")
                    .body("type", equalTo("/problems/unavailable"));
            call(token, "/api/v1/login/identifier", Map.of("email", resident.email())).then().statusCode(503);
            call(token, "/api/v1/registration", Map.of("email", newcomer, "displayName", "Katkon Tulija", "locale", "fi"))
                    .then().statusCode(503).body("type", equalTo("/problems/unavailable"));
        } finally {
            postgres.startAgain();
        }

        Await.until("ready again", Duration.ofSeconds(60), () -> given().get(readiness).statusCode() == 200);
        Await.until("logins work again", Duration.ofSeconds(30), () -> login(token, resident.email()).statusCode() == 200);
        assertEquals(0, accounts.countByEmail(newcomer), "the registration refused during the outage wrote nothing");
        call(token, "/api/v1/registration", Map.of("email", newcomer, "displayName", "Katkon Tulija", "locale", "fi"))
                .then().statusCode(202);
        assertEquals(1, accounts.countByEmail(newcomer));
    }

    private static Response login(String token, String email) {
        return call(token, "/api/v1/login/password", Map.of("email", email, "password", PASSWORD, "rememberMe", false));
    }

    private static Response call(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).header("X-Client-Address", anyAddress()).contentType(ContentType.JSON)
                .body(body).post(path);
    }
}

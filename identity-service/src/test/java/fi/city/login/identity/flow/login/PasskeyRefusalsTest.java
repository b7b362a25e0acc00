package fi.city.login.identity.flow.login;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What identity-service asks of a passkey ceremony, and what it refuses before any key is checked. The
 * ceremonies themselves run in a real browser (local-stack's PasskeyBrowserTest, Chromium's virtual
 * authenticator).
 */
@QuarkusTest
@RealServers
class PasskeyRefusalsTest {

    private static final String PASSWORD = "pääsyavaimen salasana tässä";

    @Inject
    TestAccounts accounts;

    @Test
    void aLoginsOptionsAskForUserVerificationAndNameNoAccount() {
        String first = options();
        JsonPath json = new JsonPath(first);
        assertEquals("required", json.getString("userVerification"));
        assertEquals(List.of(), json.getList("allowCredentials"));
        assertEquals("localhost", json.getString("rpId"));
        assertTrue(json.getString("challenge").matches("[A-Za-z0-9_-]{43}"), json.getString("challenge"));
        assertTrue(!new JsonPath(options()).getString("challenge").equals(json.getString("challenge")), "a fresh challenge each time");
    }

    @Test
    void anAnswerThatIsNoPasskeysIsRefusedNamingIt() {
        for (String junk : List.of("ei JSONia", "{}", "{\"id\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}", "[]")) {
            asPortal().contentType(ContentType.JSON).body(Map.of("response", junk, "rememberMe", false))
                    .post("/api/v1/login/passkey").then().statusCode(400).body("type", equalTo("/problems/passkey-invalid"));
        }
        asPortal().contentType(ContentType.JSON).body(Map.of("rememberMe", false)).post("/api/v1/login/passkey")
                .then().statusCode(400);
    }

    @Test
    void registeringTakesThePasswordAgainAndAsksForADiscoverableVerifiedKey() {
        Migrated resident = accounts.activeWithPassword("Pääsyavaimen Rekisteröijä", PASSWORD);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        settings(session, "/api/v1/settings/passkeys/options", Map.of("currentPassword", "väärä")).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        JsonPath options = new JsonPath(settings(session, "/api/v1/settings/passkeys/options", Map.of("currentPassword", PASSWORD))
                .then().statusCode(200).extract().<String>path("publicKey"));
        assertEquals("required", options.getString("authenticatorSelection.residentKey"));
        assertEquals("required", options.getString("authenticatorSelection.userVerification"));
        assertEquals("none", options.getString("attestation"));
        assertEquals(resident.email(), options.getString("user.name"));
        settings(session, "/api/v1/settings/passkeys", Map.of("name", "Puhelin", "response", "{}")).then().statusCode(400)
                .body("type", equalTo("/problems/passkey-invalid"));
        settings(session, "/api/v1/settings/passkeys", Map.of("name", " ", "response", "{}")).then().statusCode(400);
        asPortal().header("X-Session-Token", session).get("/api/v1/settings/passkeys").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    private static String options() {
        return asPortal().contentType(ContentType.JSON).post("/api/v1/login/passkey/options").then().statusCode(200)
                .extract().path("publicKey");
    }

    private static Response settings(String session, String path, Map<String, ?> body) {
        return asPortal().header("X-Session-Token", session).contentType(ContentType.JSON).body(body).post(path);
    }
}

package fi.city.login.identity.audit;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.ResetLinkInbox;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A resident's journey leaves its trail, newest first, readable by a city system and holding no secret. */
@QuarkusTest
@RealServers
class AuditTrailTest {

    private static final String PASSWORD = "jäljet näkyvät lumessa";

    @Inject
    TestAccounts accounts;

    @Inject
    ResetLinkInbox inbox;

    @Test
    void aResidentsJourneyIsRecordedWithoutSecrets() throws Exception {
        Migrated resident = accounts.migrated("Jäljitetty Asukas", "fi");
        identify(resident.email()).then().statusCode(200);
        String token = inbox.onlyEventFor(resident.id()).token();
        setPassword(token, PASSWORD, PASSWORD).then().statusCode(204);
        login(resident.email(), "väärä salasana tähän", false).then().statusCode(401);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        asPortal().header("X-Session-Token", session).delete("/api/v1/session").then().statusCode(204);

        String lookup = clientToken("asiointihistoria", "test-only-secret-for-asiointihistoria");
        Response activity = given().auth().oauth2(lookup).get("/api/v1/accounts/" + resident.id() + "/activity");
        activity.then().statusCode(200);
        List<String> kinds = activity.jsonPath().getList("kind");
        assertEquals(List.of("SESSION_ENDED", "LOGIN_SUCCEEDED", "LOGIN_FAILED"), kinds.subList(0, 3));
        // Spending the link and setting the password happen in one transaction, a microsecond apart.
        assertEquals(Set.of("PASSWORD_SET", "LINK_USED"), Set.copyOf(kinds.subList(3, 5)));
        assertEquals("LINK_SENT", kinds.get(5));
        assertEquals(6, kinds.size());
        assertEquals("FIRST_LOGIN", activity.jsonPath().getString("find { it.kind == 'LINK_SENT' }.detail"));
        assertEquals("first", activity.jsonPath().getString("find { it.kind == 'PASSWORD_SET' }.detail"));

        String trail = activity.asString();
        for (String secret : new String[] {PASSWORD, token, session, "väärä salasana"}) {
            assertFalse(trail.contains(secret), "the trail holds no password, link or session token");
        }
        asPortal().get("/api/v1/accounts/" + resident.id() + "/activity").then().statusCode(403);
    }
}

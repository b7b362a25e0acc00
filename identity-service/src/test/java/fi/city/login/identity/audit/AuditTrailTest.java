package fi.city.login.identity.audit;

import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.MailedLink;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resident's journey leaves its trail, newest first, readable by a city system and holding no secret. */
@QuarkusTest
@RealServers
class AuditTrailTest {

    private static final String PASSWORD = "jäljet näkyvät lumessa";
    private static final String CALLERS_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String LINK_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void aResidentsJourneyIsRecordedWithoutSecrets() throws Exception {
        Migrated resident = accounts.migrated("Jäljitetty Asukas", "fi");
        // The portal's requests carry its trace (W3C traceparent): the events, and the link's Kafka record, name it.
        asPortal().header("traceparent", "00-" + LINK_TRACE + "-00f067aa0ba902b7-01").header("X-Client-Address", "198.51.100.77")
                .contentType(ContentType.JSON)
                .body(Map.of("email", resident.email())).post("/api/v1/login/identifier").then().statusCode(200);
        MailedLink link = inbox.onlyEventFor(resident.id());
        assertTrue(link.traceParent().startsWith("00-" + LINK_TRACE + "-"), "the email's event joins the trace: " + link.traceParent());
        String token = link.token();
        setPassword(token, PASSWORD, PASSWORD).then().statusCode(204);
        login(resident.email(), "väärä salasana tähän", false).then().statusCode(401);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        asPortal().header("X-Session-Token", session).header("traceparent", "00-" + CALLERS_TRACE + "-00f067aa0ba902b7-01")
                .delete("/api/v1/session").then().statusCode(204);

        String eService = clientToken("asiointihistoria", "test-only-secret-for-asiointihistoria");
        given().auth().oauth2(eService).get("/api/v1/accounts/" + resident.id() + "/activity").then().statusCode(403);
        String supervision = clientToken("valvonta", "test-only-secret-for-valvonta");
        Response activity = given().auth().oauth2(supervision).get("/api/v1/accounts/" + resident.id() + "/activity");
        activity.then().statusCode(200);
        List<String> kinds = activity.jsonPath().getList("kind");
        assertEquals(List.of("SESSION_ENDED", "LOGIN_SUCCEEDED", "LOGIN_FAILED"), kinds.subList(0, 3));
        // Spending the link and setting the password happen in one transaction, a microsecond apart.
        assertEquals(Set.of("PASSWORD_SET", "LINK_USED"), Set.copyOf(kinds.subList(3, 5)));
        assertEquals("LINK_SENT", kinds.get(5));
        assertEquals(6, kinds.size());
        assertEquals("FIRST_LOGIN", activity.jsonPath().getString("find { it.kind == 'LINK_SENT' }.detail"));
        assertEquals("first", activity.jsonPath().getString("find { it.kind == 'PASSWORD_SET' }.detail"));

        assertEquals(CALLERS_TRACE, activity.jsonPath().getString("find { it.kind == 'SESSION_ENDED' }.traceId"));
        assertEquals(LINK_TRACE, activity.jsonPath().getString("find { it.kind == 'LINK_SENT' }.traceId"));
        List<String> traces = activity.jsonPath().getList("traceId");
        assertTrue(traces.stream().allMatch(trace -> trace != null && trace.matches("[0-9a-f]{32}")), "every event has its trace: " + traces);
        assertEquals(5, Set.copyOf(traces).size(), "one trace per request; the link and the password share theirs: " + traces);

        String trail = activity.asString();
        for (String secret : new String[] {PASSWORD, token, session, "väärä salasana"}) {
            assertFalse(trail.contains(secret), "the trail holds no password, link or session token");
        }
        asPortal().get("/api/v1/accounts/" + resident.id() + "/activity").then().statusCode(403);
    }

    /** A city system's lookups and reads of the trail are in it, with the client that made them. */
    @Test
    void everyLookupIsAuditedWithItsClient() {
        Migrated resident = accounts.migrated("Haettu Asukas", "fi");
        String eService = clientToken("asiointihistoria", "test-only-secret-for-asiointihistoria");
        given().auth().oauth2(eService).queryParam("legacyUsername", resident.legacyUsername()).get("/api/v1/accounts")
                .then().statusCode(200);
        given().auth().oauth2(eService).queryParam("email", resident.email()).get("/api/v1/accounts").then().statusCode(200);
        given().auth().oauth2(eService).get("/api/v1/accounts/" + resident.id()).then().statusCode(200);
        String supervision = clientToken("valvonta", "test-only-secret-for-valvonta");
        Response first = given().auth().oauth2(supervision).get("/api/v1/accounts/" + resident.id() + "/activity");
        assertEquals(List.of("asiointihistoria by id", "asiointihistoria by email", "asiointihistoria by legacy username"),
                first.jsonPath().getList("findAll { it.kind == 'ACCOUNT_LOOKED_UP' }.detail"));
        Response second = given().auth().oauth2(supervision).get("/api/v1/accounts/" + resident.id() + "/activity");
        assertEquals(List.of("valvonta"), second.jsonPath().getList("findAll { it.kind == 'ACTIVITY_READ' }.detail"));
        assertEquals(3, accounts.auditEvents(resident.id(), "ACCOUNT_LOOKED_UP"));
    }
}

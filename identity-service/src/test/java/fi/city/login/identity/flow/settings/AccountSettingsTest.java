package fi.city.login.identity.flow.settings;

import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The account settings besides the password: name and language, the resident's sessions, recent activity. */
@QuarkusTest
@RealServers
class AccountSettingsTest {

    private static final String PASSWORD = "asetusten testin salasana";

    @Inject
    TestAccounts accounts;

    @Test
    void nameAndLanguageChangeAndTheChangeIsInTheActivity() {
        Migrated resident = accounts.activeWithPassword("Vanha Nimi", PASSWORD);
        String session = logIn(resident, "Mozilla/5.0 (X11; Linux x86_64) Chromium/140");
        profile(session, Map.of("displayName", "  Uusi Nimi ", "locale", "sv")).then().statusCode(204);
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then()
                .body("account.displayName", equalTo("Uusi Nimi")).body("account.locale", equalTo("sv"));
        activity(session).then().statusCode(200).body("[0].kind", equalTo("PROFILE_CHANGED"))
                .body("[0].detail", equalTo("name, language sv")).body("[1].kind", equalTo("LOGIN_SUCCEEDED"));

        profile(session, Map.of("displayName", "   ", "locale", "fi")).then().statusCode(400);
        profile(session, Map.of("displayName", "Nimi", "locale", "de")).then().statusCode(400);
        profile("ei-istunto", Map.of("displayName", "Nimi", "locale", "fi")).then().statusCode(401);
    }

    @Test
    void theResidentSeesWhereTheyAreLoggedInAndEndsAnotherSession() {
        Migrated resident = accounts.activeWithPassword("Kaksi Laitetta", PASSWORD);
        String laptop = logIn(resident, "Mozilla/5.0 (X11; Linux x86_64) Chromium/140");
        String phone = logIn(resident, "Mozilla/5.0 (Android 15; Mobile) Firefox/140");
        Response listed = sessions(phone);
        listed.then().statusCode(200).body("$", hasSize(2)).body("[0].current", equalTo(true))
                .body("[0].browser", equalTo("Mozilla/5.0 (Android 15; Mobile) Firefox/140"))
                .body("[1].current", equalTo(false));
        String laptopId = listed.path("[1].id");

        endOne(phone, laptopId).then().statusCode(204);
        asPortal().header("X-Session-Token", laptop).get("/api/v1/session").then().statusCode(401);
        sessions(phone).then().body("$", hasSize(1));
        endOne(phone, sessions(phone).path("[0].id")).then().statusCode(400); // the current one ends by logging out

        // Another resident's session is not theirs to end.
        Migrated other = accounts.activeWithPassword("Toinen Asukas", PASSWORD);
        String othersSession = logIn(other, null);
        endOne(phone, sessions(othersSession).path("[0].id")).then().statusCode(401);
        asPortal().header("X-Session-Token", othersSession).get("/api/v1/session").then().statusCode(200);
    }

    @Test
    void fortyParallelEndsOfOneSessionEndItOnce() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Lopettaja", PASSWORD);
        logIn(resident, "toinen selain");
        String current = logIn(resident, "tämä selain");
        String otherId = sessions(current).path("[1].id");
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> endOne(current, otherId).statusCode());
        assertEquals(Map.of(204, 1, 401, 39), answers);
        assertEquals(1, accounts.auditEvents(resident.id(), "SESSION_ENDED"));
    }

    @Test
    void loggingOutEverywhereElseEndsTheOtherSessionsAndKeepsThisOne() {
        Migrated resident = accounts.activeWithPassword("Kaikkialta Uloskirjautuva", PASSWORD);
        List<String> others = List.of(logIn(resident, "a"), logIn(resident, "b"));
        String current = logIn(resident, "c");
        asPortal().header("X-Session-Token", current).delete("/api/v1/settings/sessions").then().statusCode(204);
        for (String ended : others) {
            asPortal().header("X-Session-Token", ended).get("/api/v1/session").then().statusCode(401);
        }
        sessions(current).then().body("$", hasSize(1)).body("[0].current", equalTo(true));
    }

    private static String logIn(Migrated resident, String browser) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", resident.email(), "password", PASSWORD,
                "rememberMe", false));
        if (browser != null) {
            body.put("browser", browser);
        }
        return asPortal().contentType(ContentType.JSON).body(body).post("/api/v1/login/password").then().statusCode(200)
                .extract().path("sessionToken");
    }

    private static Response profile(String session, Map<String, Object> request) {
        return asPortal().header("X-Session-Token", session).contentType(ContentType.JSON).body(request)
                .post("/api/v1/settings/profile");
    }

    private static Response sessions(String session) {
        return asPortal().header("X-Session-Token", session).get("/api/v1/settings/sessions");
    }

    private static Response endOne(String session, String id) {
        return asPortal().header("X-Session-Token", session).delete("/api/v1/settings/sessions/" + id);
    }

    private static Response activity(String session) {
        return asPortal().header("X-Session-Token", session).get("/api/v1/settings/activity");
    }
}

package fi.city.login.identity.flow.settings;

import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Account settings: a logged-in resident changes the password with the current one. */
@QuarkusTest
@RealServers
class PasswordChangeTest {

    private static final String OLD = "vanha hyvä salasana tässä";
    private static final String NEW = "uusi vielä parempi salasana";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void theCurrentPasswordChangesItAndEveryOtherSessionEnds() throws Exception {
        Migrated resident = accounts.activeWithPassword("Vaihtava Asukas", OLD);
        String here = login(resident.email(), OLD, false).then().statusCode(200).extract().path("sessionToken");
        String elsewhere = login(resident.email(), OLD, true).then().statusCode(200).extract().path("sessionToken");

        change(here, "väärä nykyinen salasana", NEW, NEW).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        change(here, OLD, NEW, NEW + "!").then().statusCode(400).body("type", equalTo("/problems/password-mismatch"));
        change(here, OLD, "Salasana1234", "Salasana1234").then().statusCode(400)
                .body("type", equalTo("/problems/password-too-common"));
        login(resident.email(), OLD, false).then().statusCode(200);

        change(here, OLD, NEW, NEW).then().statusCode(204);
        asPortal().header("X-Session-Token", here).get("/api/v1/session").then().statusCode(200);
        asPortal().header("X-Session-Token", elsewhere).get("/api/v1/session").then().statusCode(401);
        login(resident.email(), OLD, false).then().statusCode(401);
        login(resident.email(), NEW, false).then().statusCode(200);
        assertEquals(1, inbox.passwordChangesFor(resident.id(), 1).size());
    }

    @Test
    void withoutASessionNothingChanges() {
        change("ei-istuntoa", OLD, NEW, NEW).then().statusCode(401).body("type", equalTo("/problems/session-invalid"));
    }

    private static Response change(String session, String current, String fresh, String confirmation) {
        return asPortal().header("X-Session-Token", session).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", fresh, "newPasswordConfirmation", confirmation))
                .post("/api/v1/settings/password");
    }
}

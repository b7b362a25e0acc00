package fi.city.login.identity.flow.settings;

import fi.city.login.identity.support.Authenticator;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.Authenticator.secondFactorLogin;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The second factor in the settings: set up after the password, and from then on every change that could
 * hand the account to someone else (the password, the address, the factor itself) asks for a code too.
 */
@QuarkusTest
@RealServers
class SecondFactorSettingsTest {

    private static final String PASSWORD = "asetukset kahdella avaimella";

    @Inject
    TestAccounts accounts;

    @Test
    void settingUpTakesThePasswordAndACodeTheAppShows() {
        Migrated resident = accounts.activeWithPassword("Sovelluksen Asentaja", PASSWORD);
        String session = session(resident);
        post(session, "/api/v1/settings/second-factor/enrolment", Map.of("currentPassword", "väärä")).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        post(session, "/api/v1/settings/second-factor/enrolment", Map.of("currentPassword", PASSWORD)).then().statusCode(200)
                .body("keyUri", startsWith("otpauth://totp/")).body("secret", notNullValue());
        post(session, "/api/v1/settings/second-factor/confirmation", Map.of("code", "000000")).then().statusCode(401)
                .body("type", equalTo("/problems/second-factor-code-invalid"));
        asPortal().header("X-Session-Token", session).get("/api/v1/settings/second-factor").then().statusCode(200)
                .body("enrolled", equalTo(false));

        Authenticator.enrol(session, PASSWORD);
        asPortal().header("X-Session-Token", session).get("/api/v1/settings/second-factor").then().statusCode(200)
                .body("enrolled", equalTo(true)).body("recoveryCodesLeft", equalTo(10));
        post(session, "/api/v1/settings/second-factor/enrolment", Map.of("currentPassword", PASSWORD)).then().statusCode(409)
                .body("type", equalTo("/problems/second-factor-enrolled"));
        assertEquals(1, accounts.auditEvents(resident.id(), "SECOND_FACTOR_ENROLLED"));
    }

    @Test
    void aNewPasswordAsksForACodeOnceTheAccountHasAnApp() {
        Migrated resident = accounts.activeWithPassword("Salasanan Vaihtaja Sovelluksella", PASSWORD);
        String session = session(resident);
        Authenticator app = Authenticator.enrol(session, PASSWORD);
        Map<String, Object> change = new HashMap<>(Map.of("currentPassword", PASSWORD,
                "newPassword", "uusi pitkä salasana tähän", "newPasswordConfirmation", "uusi pitkä salasana tähän"));
        post(session, "/api/v1/settings/password", change).then().statusCode(401)
                .body("type", equalTo("/problems/second-factor-code-invalid"));
        change.put("secondFactorCode", app.confirmationCode());
        post(session, "/api/v1/settings/password", change).then().statusCode(401)
                .body("type", equalTo("/problems/second-factor-code-invalid"));
        login(resident.email(), "uusi pitkä salasana tähän", false).then().statusCode(401);
        change.put("secondFactorCode", app.nextCode());
        post(session, "/api/v1/settings/password", change).then().statusCode(204);
        login(resident.email(), "uusi pitkä salasana tähän", false).then().statusCode(200).body("next", equalTo("SECOND_FACTOR"));
    }

    @Test
    void removingTheAppTakesThePasswordAndACodeAndLeavesThePasswordAlone() {
        Migrated resident = accounts.activeWithPassword("Sovelluksen Poistaja", PASSWORD);
        String session = session(resident);
        Authenticator app = Authenticator.enrol(session, PASSWORD);
        post(session, "/api/v1/settings/second-factor/removal", Map.of("currentPassword", PASSWORD)).then().statusCode(401);
        post(session, "/api/v1/settings/second-factor/removal",
                Map.of("currentPassword", PASSWORD, "secondFactorCode", app.recoveryCodes().get(0))).then().statusCode(204);
        login(resident.email(), PASSWORD, false).then().statusCode(200).body("next", equalTo("SESSION"));
        assertEquals(1, accounts.auditEvents(resident.id(), "SECOND_FACTOR_REMOVED"));
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() {
        Migrated resident = accounts.activeWithPassword("Uudet Varakoodit", PASSWORD);
        String session = session(resident);
        Authenticator app = Authenticator.enrol(session, PASSWORD);
        List<String> fresh = post(session, "/api/v1/settings/second-factor/recovery-codes",
                Map.of("currentPassword", PASSWORD, "secondFactorCode", app.nextCode())).then().statusCode(200)
                .extract().path("codes");
        assertEquals(10, fresh.size());
        String flow = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        secondFactorLogin(flow, app.recoveryCodes().get(1)).then().statusCode(401);
        secondFactorLogin(flow, fresh.get(1)).then().statusCode(200);
    }

    private static String session(Migrated resident) {
        return login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
    }

    private static Response post(String session, String path, Map<String, ?> body) {
        return asPortal().header("X-Session-Token", session).contentType(ContentType.JSON).body(body).post(path);
    }
}

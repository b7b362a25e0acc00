package fi.city.login.identity.flow.login;

import fi.city.login.identity.support.Authenticator;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static fi.city.login.identity.support.Authenticator.secondFactorLogin;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account with an authenticator app logs in in two steps: the password leaves a flow waiting for the
 * second factor, and a code of the app (or a recovery code) starts the session. Codes are single use, guesses
 * few, and promises hold under parallel submissions.
 */
@QuarkusTest
@RealServers
class SecondFactorLoginTest {

    private static final String PASSWORD = "kaksi vaihetta aina";

    @Inject
    TestAccounts accounts;

    @Test
    void thePasswordLeadsToTheSecondFactorAndItsCodeToTheSession() {
        Migrated resident = accounts.activeWithPassword("Kaksivaiheinen Asukas", PASSWORD);
        Authenticator app = Authenticator.enrol(session(resident), PASSWORD);

        String flow = login(resident.email(), PASSWORD, false).then().statusCode(200)
                .body("next", equalTo("SECOND_FACTOR")).body("sessionToken", nullValue()).body("accessToken", nullValue())
                .body("flowExpiresAt", notNullValue()).extract().path("flowToken");
        secondFactorLogin(flow, app.confirmationCode()).then().statusCode(401)
                .body("type", equalTo("/problems/second-factor-code-invalid"));
        String session = secondFactorLogin(flow, app.nextCode()).then().statusCode(200).body("next", equalTo("SESSION"))
                .body("account.email", equalTo(resident.email())).extract().path("sessionToken");
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(200);

        secondFactorLogin(flow, app.nextCode()).then().statusCode(401).body("type", equalTo("/problems/login-flow-invalid"));
        String another = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        secondFactorLogin(another, app.nextCode()).then().statusCode(401)
                .body("type", equalTo("/problems/second-factor-code-invalid"));
        assertEquals(2, accounts.auditEvents(resident.id(), "LOGIN_SUCCEEDED"), "the enrolling login and one with the app");
    }

    @Test
    void aWrongPasswordNeverReachesTheSecondFactor() {
        Migrated resident = accounts.activeWithPassword("Väärä Salasana Ensin", PASSWORD);
        Authenticator.enrol(session(resident), PASSWORD);
        login(resident.email(), "ei tämä", false).then().statusCode(401).body("type", equalTo("/problems/invalid-credentials"))
                .body("flowToken", nullValue());
        secondFactorLogin("keksitty-virta", "123456").then().statusCode(401).body("type", equalTo("/problems/login-flow-invalid"));
    }

    @Test
    void aRecoveryCodeStandsInForTheAppOnce() {
        Migrated resident = accounts.activeWithPassword("Varakoodin Käyttäjä", PASSWORD);
        Authenticator app = Authenticator.enrol(session(resident), PASSWORD);
        String recovery = app.recoveryCodes().get(3);

        String flow = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        secondFactorLogin(flow, recovery.toLowerCase()).then().statusCode(200).body("sessionToken", notNullValue());
        String again = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        secondFactorLogin(again, recovery).then().statusCode(401).body("type", equalTo("/problems/second-factor-code-invalid"));
        secondFactorLogin(again, app.recoveryCodes().get(4)).then().statusCode(200);
        assertEquals(2, accounts.auditEvents(resident.id(), "RECOVERY_CODE_USED"));
    }

    @Test
    void fiveWrongCodesPauseTheSecondFactorEvenForTheRightOne() {
        Migrated resident = accounts.activeWithPassword("Arvattu Koodi", PASSWORD);
        Authenticator app = Authenticator.enrol(session(resident), PASSWORD);
        String flow = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        String wrong = app.nextCode().equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            secondFactorLogin(flow, wrong).then().statusCode(401);
        }
        secondFactorLogin(flow, app.nextCode()).then().statusCode(429).body("type", equalTo("/problems/second-factor-paused"));
        String another = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        secondFactorLogin(another, app.recoveryCodes().get(0)).then().statusCode(429);
        assertEquals(5, accounts.auditEvents(resident.id(), "SECOND_FACTOR_FAILED"));
    }

    @Test
    void fortyParallelSubmissionsOfOneCodeStartOneSession() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Sovelluskoodi", PASSWORD);
        Authenticator app = Authenticator.enrol(session(resident), PASSWORD);
        String flow = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        String code = app.nextCode();

        Map<Integer, Integer> answers = Parallel.statuses(40, i -> secondFactorLogin(flow, code).statusCode());
        assertEquals(1, answers.get(200), answers.toString());
        Map<Integer, Integer> refusals = new HashMap<>(answers);
        refusals.remove(200);
        assertTrue(refusals.keySet().stream().allMatch(status -> status == 401 || status == 429), answers.toString());
        assertEquals(2, accounts.auditEvents(resident.id(), "LOGIN_SUCCEEDED"), "the enrolling login and one more");
    }

    @Test
    void fortyParallelSubmissionsOfOneRecoveryCodeAcrossFlowsStartOneSession() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Varakoodi", PASSWORD);
        Authenticator app = Authenticator.enrol(session(resident), PASSWORD);
        String[] flows = new String[40];
        for (int i = 0; i < flows.length; i++) {
            flows[i] = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        }
        String recovery = app.recoveryCodes().get(9);
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> secondFactorLogin(flows[i], recovery).statusCode());
        assertEquals(1, answers.get(200), answers.toString());
    }

    @Test
    void anAccountWithoutASecondFactorStillLogsInWithThePasswordAlone() {
        Migrated resident = accounts.activeWithPassword("Yksivaiheinen Asukas", PASSWORD);
        login(resident.email(), PASSWORD, false).then().statusCode(200).body("next", equalTo("SESSION"))
                .body("flowToken", nullValue()).body("sessionToken", notNullValue());
    }

    private static String session(Migrated resident) {
        return login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
    }
}

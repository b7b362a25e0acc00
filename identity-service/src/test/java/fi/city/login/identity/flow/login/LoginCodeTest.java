package fi.city.login.identity.flow.login;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.MailedLink;
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
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stranger's guesses pause an account for every browser it does not know; its owner in a new browser is
 * not refused but mailed a one-time code, and gets in with it and the password. The guesser gains nothing.
 */
@QuarkusTest
@RealServers
class LoginCodeTest {

    private static final String PASSWORD = "omistajan oma salasana";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void theOwnerInANewBrowserGetsInWithTheMailedCodeAndThePassword() throws Exception {
        Migrated owner = pausedByAStranger("Tauotettu Omistaja");
        passwordLogin(owner.email(), PASSWORD).then().statusCode(429);

        requestCode(owner.email()).then().statusCode(202);
        MailedLink mail = onlyCodeFor(owner);
        assertTrue(mail.token().matches("[0-9]{8}"), "eight digits to type");
        assertEquals(owner.email(), mail.email());

        codeLogin(owner.email(), "00000000".equals(mail.token()) ? "11111111" : "00000000", PASSWORD).then().statusCode(401)
                .body("type", equalTo("/problems/login-code-invalid"));
        codeLogin(owner.email(), mail.token(), "väärä salasana").then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        codeLogin(owner.email(), mail.token(), PASSWORD).then().statusCode(200)
                .body("sessionToken", notNullValue()).body("deviceToken", notNullValue());
        codeLogin(owner.email(), mail.token(), PASSWORD).then().statusCode(401)
                .body("type", equalTo("/problems/login-code-invalid"));
        passwordLogin(owner.email(), PASSWORD).then().statusCode(200);
    }

    @Test
    void fortyParallelSubmissionsOfOneCodeStartOneSession() throws Exception {
        Migrated owner = pausedByAStranger("Rinnakkainen Koodinkäyttäjä");
        requestCode(owner.email()).then().statusCode(202);
        String code = onlyCodeFor(owner).token();
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> codeLogin(owner.email(), code, PASSWORD).statusCode());
        assertEquals(Map.of(200, 1, 401, 39), answers);
        assertEquals(1, accounts.auditEvents(owner.id(), "LOGIN_SUCCEEDED"));
    }

    @Test
    void aCodeTakesFiveTriesAndNoMore() throws Exception {
        Migrated owner = pausedByAStranger("Viisi Yritystä");
        requestCode(owner.email()).then().statusCode(202);
        String code = onlyCodeFor(owner).token();
        for (int i = 0; i < 5; i++) {
            codeLogin(owner.email(), "9999999" + i, PASSWORD).then().statusCode(401);
        }
        codeLogin(owner.email(), code, PASSWORD).then().statusCode(401).body("type", equalTo("/problems/login-code-invalid"));
    }

    @Test
    void noCodeGoesToAnAccountThatIsNotPausedNorForAnAddressWithoutOne() throws Exception {
        Migrated active = accounts.activeWithPassword("Ei Tauolla", PASSWORD);
        requestCode(active.email()).then().statusCode(202);
        requestCode("ei-tiliä-" + active.id() + "@example.com").then().statusCode(202);
        assertEquals(List.of(), inbox.eventsFor(active.id(), 0).stream().filter(link -> link.purpose() == Purpose.LOGIN_CODE).toList());
        codeLogin(active.email(), "12345678", PASSWORD).then().statusCode(401).body("type", equalTo("/problems/login-code-invalid"));
    }

    /** Ten wrong passwords from ten addresses, none of them the owner's browser: the account pauses for new browsers. */
    private Migrated pausedByAStranger(String name) {
        Migrated owner = accounts.activeWithPassword(name, PASSWORD);
        for (int i = 0; i < 10; i++) {
            asPortal().header("X-Client-Address", "198.51.100." + (10 + i)).contentType(ContentType.JSON)
                    .body(Map.of("email", owner.email(), "password", "arvaus " + i, "rememberMe", false))
                    .post("/api/v1/login/password").then().statusCode(401);
        }
        return owner;
    }

    private MailedLink onlyCodeFor(Migrated owner) throws Exception {
        List<MailedLink> codes = inbox.eventsFor(owner.id(), 1).stream().filter(link -> link.purpose() == Purpose.LOGIN_CODE)
                .toList();
        assertEquals(1, codes.size(), "one code mailed");
        return codes.get(0);
    }

    private static Response passwordLogin(String email, String password) {
        return asPortal().header("X-Client-Address", "2001:db8:c0de::77").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "rememberMe", false)).post("/api/v1/login/password");
    }

    private static Response requestCode(String email) {
        return asPortal().header("X-Client-Address", "2001:db8:c0de::77").contentType(ContentType.JSON)
                .body(Map.of("email", email, "locale", "fi")).post("/api/v1/login/code");
    }

    private static Response codeLogin(String email, String code, String password) {
        return asPortal().header("X-Client-Address", "2001:db8:c0de::77").contentType(ContentType.JSON)
                .body(Map.of("email", email, "code", code, "password", password, "rememberMe", false))
                .post("/api/v1/login/code/password");
    }
}

package fi.city.login.identity.flow.login;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a session stops working: logout, a disabled account, an idle timeout, a new login in the same browser. */
@QuarkusTest
@RealServers
class SessionLifetimeTest {

    private static final String PASSWORD = "istunnon salasana tässä";

    @Inject
    TestAccounts accounts;

    @Test
    void aDisabledAccountLosesItsSessionsAtOnce() {
        Migrated resident = accounts.activeWithPassword("Suljettava Asukas", PASSWORD);
        String session = sessionOf(resident, true);
        current(session).then().statusCode(200);
        accounts.disable(resident.id());
        current(session).then().statusCode(401);
    }

    @Test
    void aSessionUnusedPastItsIdleTimeoutEndsAndARememberedOneLastsLonger() {
        Migrated resident = accounts.activeWithPassword("Unelias Asukas", PASSWORD);
        String browserSession = sessionOf(resident, false);
        String remembered = sessionOf(resident, true);
        accounts.ageSessions(resident.id(), Duration.ofMinutes(31));
        current(browserSession).then().statusCode(401);
        current(remembered).then().statusCode(200);
    }

    @Test
    void usingASessionStartsItsIdleTimeoutAgain() {
        Migrated resident = accounts.activeWithPassword("Aktiivinen Käyttäjä", PASSWORD);
        String session = sessionOf(resident, false);
        accounts.ageSessions(resident.id(), Duration.ofMinutes(20));
        current(session).then().statusCode(200);
        // Unused for 40 minutes, but used 20 minutes ago: still live.
        accounts.ageSessions(resident.id(), Duration.ofMinutes(20));
        current(session).then().statusCode(200);
    }

    @Test
    void aLoginInTheSameBrowserEndsTheSessionItHadBefore() {
        Migrated resident = accounts.activeWithPassword("Uudelleen Kirjautuja", PASSWORD);
        String before = sessionOf(resident, false);
        String after = asPortal().contentType(ContentType.JSON).header("X-Session-Token", before)
                .body(Map.of("email", resident.email(), "password", PASSWORD, "rememberMe", false))
                .post("/api/v1/login/password").then().statusCode(200).extract().path("sessionToken");
        assertTrue(!after.equals(before));
        current(before).then().statusCode(401);
        current(after).then().statusCode(200);
    }

    private static String sessionOf(Migrated resident, boolean rememberMe) {
        return login(resident.email(), PASSWORD, rememberMe).then().statusCode(200).extract().path("sessionToken");
    }

    private static Response current(String session) {
        return asPortal().header("X-Session-Token", session).get("/api/v1/session");
    }
}

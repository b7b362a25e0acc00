package fi.city.login.identity.flow.login;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.MailedLink;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A login from a browser the account does not know, when it knows others, mails the owner when and with
 * what; its link ("it wasn't me") ends every session and starts a password reset. Known browsers and the
 * account's first browser tell nothing; the limits of every emailed link keep the mailbox from flooding.
 */
@QuarkusTest
@RealServers
@TestProfile(NewBrowserNoticeTest.NoticeOn.class)
class NewBrowserNoticeTest {

    private static final String PASSWORD = "uusi selain, vanha salasana";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void aNewBrowserIsToldToTheOwnerAndItsLinkEndsEverySessionAndStartsAReset() throws Exception {
        Migrated resident = accounts.activeWithPassword("Uuden Selaimen Omistaja", PASSWORD);
        String device = login(resident.email(), null, "Firefox ensimmäinen").extract().path("deviceToken");
        String known = login(resident.email(), device, "Firefox ensimmäinen").extract().path("sessionToken");
        String stranger = login(resident.email(), null, "Mozilla/5.0 (X11; Linux x86_64) Chrome/140").extract().path("sessionToken");
        // Another new browser within the resend cooldown: no second email.
        login(resident.email(), null, "Safari toinen");

        MailedLink notice = inbox.eventsFor(resident.id(), 1).get(0);
        assertEquals(Purpose.NEW_BROWSER, notice.purpose());
        assertEquals("Mozilla/5.0 (X11; Linux x86_64) Chrome/140", notice.event().browser());

        asPortal().contentType(ContentType.JSON).body(Map.of("token", notice.token()))
                .post("/api/v1/recovery/secure-account/inspect").then().statusCode(200).body("email", equalTo(resident.email()));
        session(known).then().statusCode(200);
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> asPortal().contentType(ContentType.JSON)
                .body(Map.of("token", notice.token())).post("/api/v1/recovery/secure-account").statusCode());
        assertEquals(Map.of(200, 1, 410, 39), answers);
        session(known).then().statusCode(401);
        session(stranger).then().statusCode(401);

        List<MailedLink> mails = inbox.eventsFor(resident.id(), 2);
        assertEquals(Purpose.FORGOTTEN_PASSWORD, mails.get(1).purpose(), "a password link starts the reset");
    }

    @Test
    void theFirstBrowserOfAnAccountAndItsKnownBrowsersTellNothing() throws Exception {
        Migrated resident = accounts.activeWithPassword("Tuttu Selain", PASSWORD);
        String device = login(resident.email(), null, "Ensimmäinen").extract().path("deviceToken");
        login(resident.email(), device, "Ensimmäinen");
        login(resident.email(), device, "Ensimmäinen");
        assertEquals(List.of(), inbox.eventsFor(resident.id(), 0));
    }

    private static ValidatableResponse login(String email, String deviceToken, String browser) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD, "rememberMe", false, "browser", browser));
        if (deviceToken != null) {
            body.put("deviceToken", deviceToken);
        }
        return asPortal().contentType(ContentType.JSON).body(body).post("/api/v1/login/password").then().statusCode(200);
    }

    private static Response session(String token) {
        return asPortal().header("X-Session-Token", token).get("/api/v1/session");
    }

    public static class NoticeOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.login.new-browser-notice", "true");
        }
    }
}

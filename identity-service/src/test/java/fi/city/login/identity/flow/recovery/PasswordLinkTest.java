package fi.city.login.identity.flow.recovery;

import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.ResetLinkInbox;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.inspect;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@RealServers
class PasswordLinkTest {

    private static final String PASSWORD = "kolme kirjavaa kissaa katolla";

    @Inject
    TestAccounts accounts;

    @Inject
    ResetLinkInbox inbox;

    @Test
    void expiredLinkIsRefusedAndChangesNothing() throws Exception {
        Migrated resident = accounts.migrated("Maija Meikäläinen", "fi");
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        String token = inbox.onlyEventFor(resident.id()).token();
        accounts.expireLinks(resident.id());

        inspect(token).then().statusCode(410).body("type", equalTo("/problems/link-expired"));
        setPassword(token, PASSWORD, PASSWORD).then().statusCode(410).body("type", equalTo("/problems/link-expired"));
        assertEquals("PENDING_FIRST_PASSWORD", accounts.state(resident.id()));
        assertNull(accounts.passwordHash(resident.id()));
    }

    @Test
    void aNewLinkReplacesTheOldOneButAskingTwiceAtOnceSendsOneEmail() throws Exception {
        Migrated resident = accounts.migrated("Sven Svensson", "sv");
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        List<PasswordResetRequested> first = inbox.eventsFor(resident.id(), 2, Duration.ofSeconds(3));
        assertEquals(1, first.size(), "within the cooldown a second request sends no second email");
        assertEquals("sv", first.get(0).locale());

        accounts.ageLinksPastCooldown(resident.id());
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        List<PasswordResetRequested> both = inbox.eventsFor(resident.id(), 2, Duration.ofSeconds(20));
        assertEquals(2, both.size());

        inspect(first.get(0).token()).then().statusCode(410).body("type", equalTo("/problems/link-used"));
        setPassword(both.get(1).token(), PASSWORD, PASSWORD).then().statusCode(204);
    }

    @Test
    void forgottenPasswordLinkWorksForActiveAccountsAndSaysNothingAboutUnknownOnes() throws Exception {
        Migrated resident = accounts.migrated("Anna Aktiivinen", "en");
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        setPassword(inbox.onlyEventFor(resident.id()).token(), PASSWORD, PASSWORD).then().statusCode(204);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");

        requestLink(resident.email()).then().statusCode(202);
        requestLink("tuntematon@example.com").then().statusCode(202);
        List<PasswordResetRequested> events = inbox.eventsFor(resident.id(), 2, Duration.ofSeconds(20));
        assertEquals(PasswordResetRequested.Purpose.FORGOTTEN_PASSWORD, events.get(1).purpose());

        assertEquals(0, inbox.passwordChangesFor(resident.id(), 1, Duration.ofSeconds(2)).size(),
                "setting the first password is no change to report");
        String changed = "uusi salasana muistettavaksi";
        setPassword(events.get(1).token(), changed, changed).then().statusCode(204);
        List<PasswordChanged> notices = inbox.passwordChangesFor(resident.id(), 1, Duration.ofSeconds(20));
        assertEquals(1, notices.size(), "the owner is told that the password changed");
        assertEquals(resident.email(), notices.get(0).email());
        assertEquals("en", notices.get(0).locale());
        given().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(401);
        login(resident.email(), PASSWORD, false).then().statusCode(401);
        login(resident.email(), changed, false).then().statusCode(200).body("persistent", equalTo(false));
    }

    @Test
    void unknownLinkIsInvalid() {
        inspect("ei-tällaista-linkkiä").then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
    }

    private static io.restassured.response.Response requestLink(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/recovery/password-links");
    }
}

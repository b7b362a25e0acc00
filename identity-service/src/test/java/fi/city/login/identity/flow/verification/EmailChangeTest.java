package fi.city.login.identity.flow.verification;

import fi.city.login.events.EmailAddressChange.Stage;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.ResetLinkInbox;
import fi.city.login.identity.support.ResetLinkInbox.EmailChangeMail;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.requestLink;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changing the email address (the username): asked in settings with the password, confirmed by the link
 * sent to the new address, told to the old one; the old address works until then.
 */
@QuarkusTest
@RealServers
class EmailChangeTest {

    private static final String PASSWORD = "osoitteen vaihtajan salasana";

    @Inject
    TestAccounts accounts;

    @Inject
    ResetLinkInbox inbox;

    @Test
    void theLinkToTheNewAddressMakesItTheUsernameAndTheOldAddressIsTold() throws Exception {
        Migrated resident = accounts.activeWithPassword("Muuttava Asukas", PASSWORD);
        String session = logIn(resident.email());
        String fresh = "uusi-" + UUID.randomUUID() + "@example.com";

        ask(session, fresh, "väärä salasana").then().statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
        ask(session, " " + resident.email().toUpperCase() + " ", PASSWORD).then().statusCode(400)
                .body("type", equalTo("/problems/email-unchanged"));
        ask(session, "ei osoite", PASSWORD).then().statusCode(400).body("type", equalTo("/problems/invalid-email"));
        ask("ei-istuntoa", fresh, PASSWORD).then().statusCode(401).body("type", equalTo("/problems/session-invalid"));
        requestLink(resident.email()).then().statusCode(202); // a password link to the old address, open meanwhile

        ask(session, fresh, PASSWORD).then().statusCode(202);
        EmailChangeMail link = inbox.emailChangesFor(resident.id(), 1).get(0);
        assertEquals(Stage.CONFIRM_NEW_ADDRESS, link.event().stage());
        assertEquals(fresh, link.event().email());
        assertEquals("l***r@Example.com", link.event().otherEmail());
        // Until the link is used, the old address is the username.
        login(resident.email(), PASSWORD, false).then().statusCode(200);
        login(fresh, PASSWORD, false).then().statusCode(401);

        inspect(link.token()).then().statusCode(200).body("currentEmail", equalTo(resident.email()))
                .body("newEmail", equalTo(fresh)).body("locale", equalTo("fi"));
        confirm(link.token()).then().statusCode(200).body("newEmail", equalTo(fresh));

        login(fresh, PASSWORD, false).then().statusCode(200);
        login(resident.email(), PASSWORD, false).then().statusCode(401);
        assertEquals(List.of(resident.legacyUsername()), accounts.legacyUsernamesOf(fresh));
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(200)
                .body("account.email", equalTo(fresh));
        assertEquals(0, accounts.openLinks(resident.id()), "the password link mailed to the old address stops working");
        confirm(link.token()).then().statusCode(410).body("type", equalTo("/problems/link-used"));

        List<EmailChangeMail> mails = inbox.emailChangesFor(resident.id(), 2);
        assertEquals(2, mails.size());
        EmailChangeMail notice = mails.get(1);
        assertEquals(Stage.CHANGED, notice.event().stage());
        assertEquals(resident.email(), notice.event().email());
        assertEquals(fresh.charAt(0) + "***" + fresh.substring(fresh.indexOf('@') - 1, fresh.indexOf('@')) + "@example.com",
                notice.event().otherEmail());
        assertNull(notice.token());
        asPortal().header("X-Session-Token", session).get("/api/v1/settings/activity").then()
                .body("kind", hasItems("EMAIL_CHANGE_REQUESTED", "EMAIL_CHANGED"));
    }

    @Test
    void aNewerAskRevokesTheOlderLinkAndAnExpiredLinkChangesNothing() throws Exception {
        Migrated resident = accounts.activeWithPassword("Mielensä Muuttava", PASSWORD);
        String session = logIn(resident.email());
        ask(session, "ensimmainen-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(202);
        ask(session, "toinen-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(202);
        List<EmailChangeMail> links = inbox.emailChangesFor(resident.id(), 2);
        inspect(links.get(0).token()).then().statusCode(410).body("type", equalTo("/problems/link-used"));
        inspect(links.get(1).token()).then().statusCode(200);

        accounts.expireEmailChanges(resident.id());
        confirm(links.get(1).token()).then().statusCode(410).body("type", equalTo("/problems/link-expired"));
        confirm("x".repeat(43)).then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
        confirm("").then().statusCode(404);
        login(resident.email(), PASSWORD, false).then().statusCode(200);
    }

    @Test
    void anAddressThatHasAnAccountIsToldSoAndTheAskerLearnsNothing() throws Exception {
        Migrated resident = accounts.activeWithPassword("Varattu Osoite", PASSWORD);
        Migrated owner = accounts.activeWithPassword("Osoitteen Omistaja", PASSWORD);
        ask(logIn(resident.email()), owner.email(), PASSWORD).then().statusCode(202);
        EmailChangeMail notice = inbox.emailChangesFor(resident.id(), 1).get(0);
        assertEquals(Stage.ADDRESS_IN_USE, notice.event().stage());
        assertEquals(owner.email(), notice.event().email());
        assertNull(notice.token());
        assertEquals(0, accounts.openEmailChanges(resident.id()));
    }

    @Test
    void whoConfirmsAnAddressSecondFindsItTaken() throws Exception {
        Migrated first = accounts.activeWithPassword("Ensimmäinen", PASSWORD);
        Migrated second = accounts.activeWithPassword("Toinen", PASSWORD);
        String contested = "yhteinen-" + UUID.randomUUID() + "@example.com";
        ask(logIn(first.email()), contested, PASSWORD).then().statusCode(202);
        ask(logIn(second.email()), contested, PASSWORD).then().statusCode(202);
        confirm(inbox.emailChangesFor(first.id(), 1).get(0).token()).then().statusCode(200);
        String secondToken = inbox.emailChangesFor(second.id(), 1).get(0).token();
        confirm(secondToken).then().statusCode(409).body("type", equalTo("/problems/email-in-use"));
        login(second.email(), PASSWORD, false).then().statusCode(200);
        assertEquals(1, accounts.countByEmail(contested));
    }

    @Test
    void fortyParallelConfirmationsOfOneLinkChangeTheAddressOnce() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Vahvistaja", PASSWORD);
        ask(logIn(resident.email()), "rinnakkain-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(202);
        String token = inbox.emailChangesFor(resident.id(), 1).get(0).token();
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> confirm(token).statusCode());
        assertEquals(Map.of(200, 1, 410, 39), answers);
        assertEquals(1, accounts.auditEvents(resident.id(), "EMAIL_CHANGED"));
        assertEquals(2, inbox.emailChangesFor(resident.id(), 2).size(), "one link and one notice to the old address");
    }

    @Test
    void fortyParallelAsksSendAtMostTheHourlyCapAndLeaveOneLinkOpen() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Kysyjä", PASSWORD);
        String session = logIn(resident.email());
        Map<Integer, Integer> answers = Parallel.statuses(40,
                i -> ask(session, "kysely-" + i + "-" + UUID.randomUUID() + "@example.com", PASSWORD).statusCode());
        int accepted = answers.getOrDefault(202, 0);
        assertTrue(accepted >= 1, "some asks get through: " + answers);
        assertEquals(40, accepted + answers.getOrDefault(429, 0), "the others wait for the password checks: " + answers);
        int sent = Math.min(5, accepted);
        assertEquals(sent, inbox.emailChangesFor(resident.id(), sent).size());
        assertEquals(1, accounts.openEmailChanges(resident.id()));
        assertEquals(sent, accounts.auditEvents(resident.id(), "EMAIL_CHANGE_REQUESTED"));
    }

    private static String logIn(String email) {
        return login(email, PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
    }

    private static Response ask(String session, String newEmail, String password) {
        return asPortal().header("X-Session-Token", session).contentType(ContentType.JSON)
                .body(Map.of("newEmail", newEmail, "currentPassword", password)).post("/api/v1/settings/email");
    }

    private static Response inspect(String token) {
        return asPortal().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/verification/email-change/inspect");
    }

    private static Response confirm(String token) {
        return asPortal().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/verification/email-change");
    }
}

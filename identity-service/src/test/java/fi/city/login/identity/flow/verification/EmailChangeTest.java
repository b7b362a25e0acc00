package fi.city.login.identity.flow.verification;

import fi.city.login.events.EmailAddressChange.Stage;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.support.EventInbox.EmailChangeMail;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.IdentityCalls;
import fi.city.login.identity.support.Parallel;
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
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.requestLink;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    EventInbox inbox;

    @Test
    void theLinkToTheNewAddressMakesItTheUsernameAndTheOldAddressIsTold() throws Exception {
        Migrated resident = accounts.activeWithPassword("Muuttava Asukas", PASSWORD);
        Migrated bystander = accounts.activeWithPassword("Sivullinen", PASSWORD);
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
        confirm(null, link.token()).then().statusCode(401).body("type", equalTo("/problems/session-invalid"));
        confirm(session, link.token(), "väärä salasana").then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        confirm(logIn(bystander.email()), link.token()).then().statusCode(403)
                .body("type", equalTo("/problems/link-of-another-account"));
        confirm(session, link.token()).then().statusCode(200).body("newEmail", equalTo(fresh));

        login(fresh, PASSWORD, false).then().statusCode(200);
        login(resident.email(), PASSWORD, false).then().statusCode(401);
        assertEquals(List.of(resident.legacyUsername()), accounts.legacyUsernamesOf(fresh));
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(200)
                .body("account.email", equalTo(fresh));
        assertEquals(0, accounts.openLinks(resident.id()), "the password link mailed to the old address stops working");
        confirm(session, link.token()).then().statusCode(410).body("type", equalTo("/problems/link-used"));

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
        confirm(session, links.get(1).token()).then().statusCode(410).body("type", equalTo("/problems/link-expired"));
        confirm(session, "x".repeat(43)).then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
        confirm(session, "").then().statusCode(404);
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
        String firstSession = logIn(first.email());
        String secondSession = logIn(second.email());
        ask(firstSession, contested, PASSWORD).then().statusCode(202);
        ask(secondSession, contested, PASSWORD).then().statusCode(202);
        confirm(firstSession, inbox.emailChangesFor(first.id(), 1).get(0).token()).then().statusCode(200);
        String secondToken = inbox.emailChangesFor(second.id(), 1).get(0).token();
        confirm(secondSession, secondToken).then().statusCode(409).body("type", equalTo("/problems/email-in-use"));
        login(second.email(), PASSWORD, false).then().statusCode(200);
        assertEquals(1, accounts.countByEmail(contested));
    }

    @Test
    void fortyParallelConfirmationsOfOneLinkChangeTheAddressOnce() throws Exception {
        Migrated resident = accounts.activeWithPassword("Rinnakkainen Vahvistaja", PASSWORD);
        String session = logIn(resident.email());
        ask(session, "rinnakkain-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(202);
        String token = inbox.emailChangesFor(resident.id(), 1).get(0).token();
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> confirm(session, token).statusCode());
        assertEquals(1, answers.get(200), "one confirmation wins: " + answers);
        assertEquals(39, answers.getOrDefault(410, 0) + answers.getOrDefault(429, 0),
                "the others find the link spent, or wait for the password checks in flight: " + answers);
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

    @Test
    void aPasswordSetThroughALinkRevokesAnOpenEmailChange() throws Exception {
        Migrated resident = accounts.activeWithPassword("Salasanan Palauttaja", PASSWORD);
        // An intruder who knows the password asks to move the account to their own address...
        ask(logIn(resident.email()), "tunkeilija-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(202);
        String intruders = inbox.emailChangesFor(resident.id(), 1).get(0).token();
        String intrudersSession = logIn(resident.email());
        // ...and the owner resets the password by the emailed link.
        requestLink(resident.email()).then().statusCode(202);
        String reset = inbox.onlyEventFor(resident.id()).token();
        setPassword(reset, "omistajan uusi salasana", "omistajan uusi salasana").then().statusCode(204);

        inspect(intruders).then().statusCode(410).body("type", equalTo("/problems/link-used"));
        confirm(intrudersSession, intruders, "omistajan uusi salasana").then().statusCode(401)
                .body("type", equalTo("/problems/session-invalid"));
        assertEquals(0, accounts.openEmailChanges(resident.id()));
        login(resident.email(), "omistajan uusi salasana", false).then().statusCode(200);
    }

    @Test
    void aLinkOfOneActionCannotBeSpentByTheOther() throws Exception {
        Migrated resident = accounts.activeWithPassword("Linkkien Erottaja", PASSWORD);
        ask(logIn(resident.email()), "erillinen-" + UUID.randomUUID() + "@example.com", PASSWORD).then().statusCode(202);
        String change = inbox.emailChangesFor(resident.id(), 1).get(0).token();
        requestLink(resident.email()).then().statusCode(202);
        String reset = inbox.onlyEventFor(resident.id()).token();

        IdentityCalls.inspect(change).then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
        setPassword(change, "toisen linkin salasana", "toisen linkin salasana").then().statusCode(404);
        confirm(logIn(resident.email()), reset).then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
        assertEquals(1, accounts.openEmailChanges(resident.id()), "both links still work for what they were sent for");
        assertEquals(1, accounts.openLinks(resident.id()));
    }

    @Test
    void theOldAddressIsToldAtOnceAndItsLinkCancelsTheChange() throws Exception {
        Migrated resident = accounts.activeWithPassword("Varovainen Omistaja", PASSWORD);
        String intruders = logIn(resident.email());
        String theirs = "tunkeilijan-" + UUID.randomUUID() + "@example.com";
        ask(intruders, theirs, PASSWORD).then().statusCode(202);
        EmailChangeMail asked = inbox.emailChangesAskedFor(resident.id(), 1).get(0);
        assertEquals(resident.email(), asked.event().email(), "the notice goes to the address the account has");
        assertEquals(EmailAddress.masked(theirs), asked.event().otherEmail());
        String confirmation = inbox.emailChangesFor(resident.id(), 1).get(0).token();

        asPortal().contentType(ContentType.JSON).body(Map.of("token", asked.token()))
                .post("/api/v1/verification/email-change/cancellation/inspect").then().statusCode(200)
                .body("newEmail", equalTo(theirs)).body("currentEmail", equalTo(resident.email()));
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> cancel(asked.token()).statusCode());
        assertEquals(Map.of(200, 1, 410, 39), answers, "the cancellation is spent once");
        confirm(intruders, confirmation).then().statusCode(410).body("type", equalTo("/problems/link-used"));
        assertEquals(0, accounts.openEmailChanges(resident.id()));
        assertEquals(1, accounts.auditEvents(resident.id(), "EMAIL_CHANGE_CANCELLED"));
        cancel(confirmation).then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
        login(resident.email(), PASSWORD, false).then().statusCode(200);
    }

    @Test
    void postgresqlHoldsOneValidLinkPerAccountAndAction() throws Exception {
        Migrated resident = accounts.activeWithPassword("Yksi Kerrallaan", PASSWORD);
        accounts.insertUnspentLink(resident.id(), "EMAIL_CHANGE", "CONFIRM_EMAIL");
        accounts.insertUnspentLink(resident.id(), "FORGOTTEN_PASSWORD", "SET_PASSWORD");
        var second = assertThrows(Exception.class,
                () -> accounts.insertUnspentLink(resident.id(), "EMAIL_CHANGE", "CONFIRM_EMAIL"));
        assertTrue(second.getMessage().contains("emailed_link_one_unspent"), second.getMessage());
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

    private static Response confirm(String session, String token) {
        return confirm(session, token, PASSWORD);
    }

    private static Response confirm(String session, String token, String password) {
        var call = asPortal().contentType(ContentType.JSON).body(Map.of("token", token, "currentPassword", password));
        return (session == null ? call : call.header("X-Session-Token", session)).post("/api/v1/verification/email-change");
    }

    private static Response cancel(String token) {
        return asPortal().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/verification/email-change/cancellation");
    }
}

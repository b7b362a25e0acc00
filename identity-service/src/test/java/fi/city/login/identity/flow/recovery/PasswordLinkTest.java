package fi.city.login.identity.flow.recovery;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.MailedLink;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.inspect;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.requestLink;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
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
    EventInbox inbox;

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
        List<MailedLink> first = inbox.eventsFor(resident.id(), 1);
        assertEquals(1, first.size(), "within the cooldown a second request sends no second email");
        assertEquals("sv", first.get(0).locale());

        accounts.ageLinksPastCooldown(resident.id());
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        List<MailedLink> both = inbox.eventsFor(resident.id(), 2);
        assertEquals(2, both.size());

        inspect(first.get(0).token()).then().statusCode(410).body("type", equalTo("/problems/link-used"));
        setPassword(both.get(1).token(), PASSWORD, PASSWORD).then().statusCode(204);
    }

    @Test
    void forgottenPasswordLinkWorksForActiveAccountsAndTellsOnlyTheMailboxOfAnUnknownOne() throws Exception {
        Migrated resident = accounts.migrated("Anna Aktiivinen", "en");
        identify(resident.email()).then().body("next", equalTo("LINK_SENT"));
        setPassword(inbox.onlyEventFor(resident.id()).token(), PASSWORD, PASSWORD).then().statusCode(204);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");

        requestLink(resident.email()).then().statusCode(202);
        String unknown = "tuntematon-" + resident.legacyUsername() + "@example.com";
        requestLink(unknown).then().statusCode(202);
        List<MailedLink> events = inbox.eventsFor(resident.id(), 2);
        List<NoAccountNotice> told = inbox.noAccountNoticesTo(unknown, 1);
        assertEquals(List.of(NoAccountNotice.Asked.PASSWORD_LINK), told.stream().map(NoAccountNotice::asked).toList(),
                "the screen says nothing of unknown addresses; the mailbox's owner is told there is no account");
        assertEquals(PasswordResetRequested.Purpose.FORGOTTEN_PASSWORD, events.get(1).purpose());

        assertEquals(0, inbox.passwordChangesFor(resident.id(), 0).size(),
                "setting the first password is no change to report");
        String changed = "uusi salasana muistettavaksi";
        setPassword(events.get(1).token(), changed, changed).then().statusCode(204);
        List<PasswordChanged> notices = inbox.passwordChangesFor(resident.id(), 1);
        assertEquals(1, notices.size(), "the owner is told that the password changed");
        assertEquals(resident.email(), notices.get(0).email());
        assertEquals("en", notices.get(0).locale());
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(401);
        login(resident.email(), PASSWORD, false).then().statusCode(401);
        login(resident.email(), changed, false).then().statusCode(200).body("persistent", equalTo(false));
    }

    @Test
    void fortyParallelRequestsForOneAddressSendOneEmailAndLeaveOneLinkOpen() throws Exception {
        Migrated resident = accounts.migrated("Ruuhka Asukas", "fi");
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> i % 2 == 0
                ? requestLink(resident.email()).statusCode() : identify(resident.email()).statusCode());
        assertEquals(Map.of(200, 20, 202, 20), answers);
        assertEquals(1L, accounts.openLinks(resident.id()), "one link open, the rest never written");
        assertEquals(1, inbox.eventsFor(resident.id(), 1).size(), "one email");
    }

    @Test
    void noMoreThanFiveLinksAnHourReachOneMailbox() throws Exception {
        Migrated resident = accounts.migrated("Tulvittu Asukas", "fi");
        for (int i = 0; i < 8; i++) {
            requestLink(resident.email()).then().statusCode(202);
            accounts.ageLinks(resident.id(), Duration.ofMinutes(2)); // past the one-minute cooldown
        }
        assertEquals(5, inbox.eventsFor(resident.id(), 5).size());
        assertEquals(1L, accounts.openLinks(resident.id()), "asking past the cap voided nothing");
    }

    @Test
    void unknownLinkIsInvalid() {
        inspect("ei-tällaista-linkkiä").then().statusCode(404).body("type", equalTo("/problems/link-invalid"));
    }
}

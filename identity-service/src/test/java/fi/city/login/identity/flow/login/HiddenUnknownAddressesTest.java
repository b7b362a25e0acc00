package fi.city.login.identity.flow.login;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.requestLink;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** With identity.login.reveal-unknown-addresses=false an unknown address looks like a known one, answer and pause alike. */
@QuarkusTest
@RealServers
@TestProfile(HiddenUnknownAddressesTest.Hidden.class)
class HiddenUnknownAddressesTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void everyAddressGetsTheSameAnswerAndOnlyAMigratedAccountItsLink() throws Exception {
        Migrated active = accounts.activeWithPassword("Tunnettu Asukas", "tunnetun asukkaan salasana");
        Migrated migrated = accounts.migrated("Siirretty Asukas", "fi");
        for (String email : new String[] {active.email(), migrated.email(), "tuntematon-" + active.legacyUsername() + "@example.com"}) {
            identify(email).then().statusCode(200).body("next", equalTo("PASSWORD_OR_LINK_SENT"));
        }
        assertEquals(1, inbox.eventsFor(migrated.id(), 1).size(), "the migrated account got its link");
    }

    @Test
    void everyUsernameGetsTheSameAnswerAndOnlyAPendingAccountItsLink() throws Exception {
        Migrated active = accounts.activeWithPassword("Vanha Tunnettu", "tunnetun asukkaan salasana");
        Migrated migrated = accounts.migrated("Vanha Siirretty", "fi");
        for (String username : new String[] {active.legacyUsername(), migrated.legacyUsername(), "ei-" + active.legacyUsername()}) {
            identify(username).then().statusCode(200).body("next", equalTo("USERNAME_IS_EMAIL_OR_LINK_SENT"))
                    .body("maskedEmail", org.hamcrest.Matchers.nullValue());
        }
        assertEquals(1, inbox.eventsFor(migrated.id(), 1).size(), "the migrated account got its link");
        assertEquals(0, inbox.eventsFor(active.id(), 0).size());
    }

    @Test
    void anUnknownAddressIsToldByEmailThatItHasNoAccountAndAKnownOneIsNot() throws Exception {
        Migrated active = accounts.activeWithPassword("Tunnettu Ruotsinkielinen", "tunnetun asukkaan salasana");
        String unknown = "ei-tilia-" + active.legacyUsername() + "@example.com";
        identify(unknown, "sv").then().statusCode(200).body("next", equalTo("PASSWORD_OR_LINK_SENT"));
        identify(active.email(), "sv").then().statusCode(200).body("next", equalTo("PASSWORD_OR_LINK_SENT"));

        List<NoAccountNotice> notices = inbox.noAccountNoticesTo(unknown, 1);
        assertEquals(1, notices.size());
        assertEquals(NoAccountNotice.Asked.LOGIN, notices.get(0).asked());
        assertEquals("sv", notices.get(0).locale(), "in the language of the page it was typed on");
        assertEquals(0, inbox.noAccountNoticesTo(active.email(), 0).size());
    }

    @Test
    void fortyParallelRequestsForOneUnknownAddressFromFortyAddressesSendThreeNotices() throws Exception {
        String unknown = "tulvittu-" + UUID.randomUUID() + "@example.com";
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> i % 2 == 0
                ? identify(unknown).statusCode() : requestLink(unknown).statusCode());
        assertEquals(Map.of(200, 20, 202, 20), answers, "every request answered as for a known address");
        assertEquals(3, inbox.noAccountNoticesTo(unknown, 3).size(),
                "no more notices an hour than identity.brute-force.no-account-notices-per-recipient");
    }

    @Test
    void anUnknownAddressPausesAfterAsManyGuessesAsAKnownOne() {
        Migrated known = accounts.activeWithPassword("Arvattu Tunnettu", "tunnetun asukkaan salasana");
        String unknown = "ei-ketaan-" + known.legacyUsername() + "@example.com";
        for (String email : new String[] {known.email(), unknown}) {
            for (int i = 0; i < 10; i++) {
                login(email, "arvaus " + i, false).then().statusCode(401);
            }
            login(email, "arvaus 10", false).then().statusCode(429).body("type", equalTo("/problems/too-many-attempts"));
        }
    }

    @Test
    void anUnknownAddressGoesToThePasswordStepAndFailsLikeAWrongPassword() {
        Migrated known = accounts.activeWithPassword("Tunnettu Asukas", "tunnetun asukkaan salasana");

        login("tuntematon-" + known.legacyUsername() + "@example.com", "mikä tahansa salasana", false)
                .then().statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
        login(known.email(), "mikä tahansa salasana", false)
                .then().statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
    }

    public static class Hidden implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.login.reveal-unknown-addresses", "false");
        }
    }
}

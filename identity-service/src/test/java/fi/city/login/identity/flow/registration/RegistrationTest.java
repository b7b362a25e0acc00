package fi.city.login.identity.flow.registration;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.IdentityCalls;
import fi.city.login.identity.support.MailedLink;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@RealServers
class RegistrationTest {

    private static final String PASSWORD = "oma uusi salasana kaupunkiin";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Inject
    UnconfirmedRegistrations unconfirmed;

    @Test
    void aNewResidentRegistersSetsThePasswordFromTheLinkAndLogsIn() throws Exception {
        String email = "uusi-" + UUID.randomUUID() + "@example.com";
        register(email, "  Uusi Asukas ", "sv").then().statusCode(202);

        UUID accountId = accounts.idByEmail(email);
        // Trying to log in at once finds the pending account; the link just sent is not replaced.
        identify(email).then().body("next", equalTo("LINK_SENT"));
        List<MailedLink> events = inbox.eventsFor(accountId, 1);
        assertEquals(1, events.size());
        MailedLink event = events.get(0);
        assertEquals(Purpose.NEW_ACCOUNT, event.purpose());
        assertEquals("Uusi Asukas", event.displayName());
        assertEquals("sv", event.locale());

        setPassword(event.token(), PASSWORD, PASSWORD).then().statusCode(204);
        login(email, PASSWORD, false).then().statusCode(200).body("account.displayName", equalTo("Uusi Asukas"));
    }

    @Test
    void registeringAnExistingAddressCreatesNothingAndMailsTheLinkItNeeds() throws Exception {
        Migrated migrated = accounts.migrated("Jo Olemassa", "fi");
        register(migrated.email(), "Joku Muu", "fi").then().statusCode(202);
        MailedLink event = inbox.onlyEventFor(migrated.id());
        assertEquals(Purpose.FIRST_LOGIN, event.purpose());
        assertEquals("Jo Olemassa", event.displayName(), "the existing account is not overwritten");
        assertEquals(1L, accounts.countByEmail(migrated.email()));
    }

    @Test
    void anEmptyNameOrABadAddressIsRefusedAndCreatesNothing() {
        String email = "tyhja-" + UUID.randomUUID() + "@example.com";
        register(email, "   ", "fi").then().statusCode(400).body("type", equalTo("/problems/invalid-name"));
        register("ei osoite", "Nimi", "fi").then().statusCode(400).body("type", equalTo("/problems/invalid-email"));
        assertEquals(0L, accounts.countByEmail(email));
    }

    @Test
    void aRegistrationNeverConfirmedIsRemovedButAMigratedAccountWaitsForItsOwner() throws Throwable {
        String email = "vahvistamaton-" + UUID.randomUUID() + "@example.com";
        register(email, "Vahvistamaton", "fi").then().statusCode(202);
        UUID registered = accounts.idByEmail(email);
        Migrated migrated = accounts.migrated("Siirretty Odottaja", "fi");
        accounts.ageAccount(registered, Duration.ofDays(8));
        accounts.ageAccount(migrated.id(), Duration.ofDays(8));

        VertxContextSupport.subscribeAndAwait(() -> unconfirmed.removeExpired(Instant.now()));

        assertEquals(0L, accounts.countByEmail(email), "the address is free to register again");
        assertEquals(1L, accounts.countByEmail(migrated.email()));
        register(email, "Oikea Omistaja", "fi").then().statusCode(202);
        assertEquals(1L, accounts.countByEmail(email));
    }

    @Test
    void anAddressGetsFiftyRegistrationsAnHourAndTheRestCreateAndSendNothing() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String address = addressOfItsOwn();
        for (int i = 0; i < 55; i++) {
            registerFrom(address, "tulva-" + i + "-" + s + "@example.com", "Tulva " + i, "fi").then().statusCode(202);
        }
        long created = 0;
        for (int i = 0; i < 55; i++) {
            created += accounts.countByEmail("tulva-" + i + "-" + s + "@example.com");
        }
        assertEquals(50, created, "the same answer for all 55, but 50 accounts and emails");
        registerFrom("203.0.113.251", "toinen-" + s + "@example.com", "Toinen Osoite", "fi").then().statusCode(202);
        assertEquals(1L, accounts.countByEmail("toinen-" + s + "@example.com"), "another address is not limited");
    }

    @Test
    void sixtyParallelRegistrationsFromOneAddressCreateFifty() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String address = addressOfItsOwn();
        Map<Integer, Integer> answers = Parallel.statuses(60, i ->
                registerFrom(address, "ryoppy-" + i + "-" + s + "@example.com", "Ryöppy " + i, "fi").statusCode());
        assertEquals(Map.of(202, 60), answers);
        long created = 0;
        for (int i = 0; i < 60; i++) {
            created += accounts.countByEmail("ryoppy-" + i + "-" + s + "@example.com");
        }
        assertEquals(50, created, "the address's hourly limit holds under a burst");
    }

    /**
     * A client address no other test uses: the hourly limit counts every email-sending request of an
     * address, whichever test sent it (an IPv6 address counts as its /64, so a random /64 of the
     * documentation prefix).
     */
    private static String addressOfItsOwn() {
        java.util.Random random = new java.util.Random();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":" + Integer.toHexString(random.nextInt(0x10000)) + "::1";
    }

    static Response register(String email, String name, String locale) {
        return registerFrom(IdentityCalls.anyAddress(), email, name, locale);
    }

    static Response registerFrom(String address, String email, String name, String locale) {
        return asPortal().header("X-Client-Address", address).contentType(ContentType.JSON).body(Map.of("email", email, "displayName", name, "locale", locale))
                .post("/api/v1/registration");
    }
}

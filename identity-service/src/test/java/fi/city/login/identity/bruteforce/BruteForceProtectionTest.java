package fi.city.login.identity.bruteforce;

import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@RealServers
class BruteForceProtectionTest {

    private static final String PASSWORD = "oikea salasana on tämä";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void anAccountPausesAfterTenFailuresEvenForTheRightPasswordAndALinkByEmailLiftsThePause() throws Exception {
        Migrated resident = accounts.activeWithPassword("Arvattava Asukas", PASSWORD);
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 9; i++) {
            login(resident.email(), "arvaus numero " + i, address).then().statusCode(401);
        }
        login(resident.email(), PASSWORD, address).then().statusCode(200);

        // Success started the count again: ten more failures are needed for a pause.
        for (int i = 0; i < 10; i++) {
            login(resident.email(), "arvaus numero " + i, address).then().statusCode(401);
        }
        login(resident.email(), PASSWORD, "192.0.2.77").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-attempts"))
                .header("Retry-After", Integer::parseInt, greaterThan(800));

        asPortal().contentType(ContentType.JSON).body(Map.of("email", resident.email())).post("/api/v1/recovery/password-links")
                .then().statusCode(202);
        String token = inbox.eventsFor(resident.id(), 1).get(0).token();
        String fresh = "uusi salasana tauon jälkeen";
        setPassword(token, fresh, fresh).then().statusCode(204);
        login(resident.email(), fresh, address).then().statusCode(200);
    }

    @Test
    void anAddressPausesAfterAHundredFailuresOverAllAccounts() {
        Migrated bystander = accounts.activeWithPassword("Sivullinen Asukas", PASSWORD);
        String sprayer = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 100; i++) {
            login("kohde-" + i + "-" + UUID.randomUUID() + "@example.com", "Kesä2026!kesä", sprayer).then().statusCode(401);
        }
        login(bystander.email(), PASSWORD, sprayer).then().statusCode(429)
                .body("type", equalTo("/problems/too-many-attempts"));
        Response elsewhere = login(bystander.email(), PASSWORD, "192.0.2.10");
        assertEquals(200, elsewhere.statusCode(), "the account itself is not paused");
    }

    @Test
    void aBurstOfFortyParallelGuessesChecksNoMoreThanTheLimit() throws Exception {
        Migrated resident = accounts.activeWithPassword("Ryöpytetty Asukas", PASSWORD);
        // Each guess from its own address, so that only the account's limit stands in the way.
        Map<Integer, Integer> answers = Parallel.statuses(40, i ->
                login(resident.email(), "rinnakkainen arvaus " + i, "198.18." + (i / 200) + "." + (1 + i % 200)).statusCode());
        assertEquals(Map.of(401, 10, 429, 30), answers, "exactly ten guesses were checked");
        login(resident.email(), PASSWORD, "192.0.2.99").then().statusCode(429);
    }

    @Test
    void parallelLoginsWithTheRightPasswordAllSucceed() throws Exception {
        Migrated resident = accounts.activeWithPassword("Suosittu Asukas", PASSWORD);
        String address = "198.19.0." + (1 + (int) (Math.random() * 200));
        // Each success gives back its reservations while other logins of the account reserve theirs:
        // the rows must be locked in one order, or PostgreSQL breaks a deadlock by failing a login.
        // Eight at a time: checks in flight count against the limit of ten until they succeed.
        for (int round = 0; round < 5; round++) {
            assertEquals(Map.of(200, 8), Parallel.statuses(8, i -> login(resident.email(), PASSWORD, address).statusCode()));
        }
    }

    @Test
    void aParallelSprayFromOneAddressStopsExactlyAtTheAddressLimit() throws Exception {
        String sprayer = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 70; i++) {
            login("esi-" + i + "-" + UUID.randomUUID() + "@example.com", "Kesä2026!kesä", sprayer).then().statusCode(401);
        }
        Map<Integer, Integer> answers = Parallel.statuses(40, i ->
                login("rinnakkain-" + i + "-" + UUID.randomUUID() + "@example.com", "Kesä2026!kesä", sprayer).statusCode());
        assertEquals(Map.of(401, 30, 429, 10), answers, "a hundred failures from the address in all");
    }

    private static Response login(String email, String password, String clientAddress) {
        return asPortal().contentType(ContentType.JSON).header("X-Client-Address", clientAddress)
                .body(Map.of("email", email, "password", password, "rememberMe", false))
                .post("/api/v1/login/password");
    }
}

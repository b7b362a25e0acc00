package fi.city.login.identity.bruteforce;

import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Device cookies: a stranger's guesses pause the account for unknown browsers only; the owner's browser,
 * known from an earlier login, keeps its own count and gets in.
 */
@QuarkusTest
@RealServers
class KnownDevicesTest {

    private static final String PASSWORD = "omistajan oma salasana";

    @Inject
    TestAccounts accounts;

    @Test
    void aStrangersGuessesDoNotLockTheOwnersKnownBrowserOut() {
        String portal = portalToken();
        Migrated owner = accounts.activeWithPassword("Tunnettu Selain", PASSWORD);
        String ownersBrowser = login(portal, owner.email(), PASSWORD, null, "192.0.2.10").then().statusCode(200)
                .extract().path("deviceToken");
        assertNotNull(ownersBrowser);

        for (int i = 0; i < 12; i++) {
            login(portal, owner.email(), "vieraan arvaus " + i, null, "198.18.0." + (1 + i)).statusCode();
        }
        login(portal, owner.email(), PASSWORD, null, "192.0.2.11").then().statusCode(429);
        login(portal, owner.email(), PASSWORD, "keksitty-laitetunniste", "192.0.2.11").then().statusCode(429);
        String again = login(portal, owner.email(), PASSWORD, ownersBrowser, "192.0.2.10").then().statusCode(200)
                .extract().path("deviceToken");
        assertEquals(ownersBrowser, again, "the known browser stays known");
    }

    @Test
    void guessesWithAKnownBrowsersCookiePauseThatBrowserOnly() {
        String portal = portalToken();
        Migrated owner = accounts.activeWithPassword("Varastettu Eväste", PASSWORD);
        String stolen = login(portal, owner.email(), PASSWORD, null, "192.0.2.20").then().statusCode(200)
                .extract().path("deviceToken");
        for (int i = 0; i < 10; i++) {
            login(portal, owner.email(), "arvaus evästeellä " + i, stolen, "198.18.1." + (1 + i)).then().statusCode(401);
        }
        login(portal, owner.email(), PASSWORD, stolen, "192.0.2.20").then().statusCode(429);
        login(portal, owner.email(), PASSWORD, null, "192.0.2.21").then().statusCode(200);
    }

    /** The figure docs/security.md quotes. */
    @Test
    void tenThousandGuessesFromManyAddressesCheckTenAndTheOwnerStillGetsIn() throws Exception {
        String portal = portalToken();
        Migrated owner = accounts.activeWithPassword("Kymmenentuhatta Arvausta", PASSWORD);
        String ownersBrowser = login(portal, owner.email(), PASSWORD, null, "192.0.2.30").then().statusCode(200)
                .extract().path("deviceToken");

        Map<Integer, Integer> answers = new HashMap<>();
        for (int round = 0; round < 250; round++) {
            int base = round * 40;
            Parallel.statuses(40, i -> login(portal, owner.email(), "arvaus " + (base + i), null,
                    "10." + ((base + i) / 65536) + "." + ((base + i) / 256 % 256) + "." + ((base + i) % 256)).statusCode())
                    .forEach((status, count) -> answers.merge(status, count, Integer::sum));
        }
        assertEquals(Map.of(401, 10, 429, 9990), answers, "of 10,000 guesses, ten were checked");
        login(portal, owner.email(), PASSWORD, ownersBrowser, "192.0.2.30").then().statusCode(200);
    }

    private static Response login(String portal, String email, String password, String device, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password, "rememberMe", false));
        if (device != null) {
            body.put("deviceToken", device);
        }
        return given().auth().oauth2(portal).header("X-Client-Address", address).contentType(ContentType.JSON)
                .body(body).post("/api/v1/login/password");
    }

    private static String portalToken() {
        return clientToken("portal", "test-only-secret-for-portal");
    }
}

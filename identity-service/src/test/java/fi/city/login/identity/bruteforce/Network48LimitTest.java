package fi.city.login.identity.bruteforce;

import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An IPv6 /48 is a site's, and holds 65,536 /64s that each count as an address: its failures are counted
 * together too, so that rotating through /64s buys no more guesses than the /48's limit.
 */
@QuarkusTest
@RealServers
@TestProfile(Network48LimitTest.SmallNetworkLimit.class)
class Network48LimitTest {

    @Test
    void sprayingFromEverySlash64OfASlash48StopsAtTheSlash48sLimit() throws Exception {
        String site = "2001:db8:" + Integer.toHexString(1 + (int) (Math.random() * 0xfffe));
        for (int i = 0; i < 15; i++) {
            login("verkko-" + i + "-" + UUID.randomUUID() + "@example.com", site + ":" + Integer.toHexString(i) + "::1")
                    .then().statusCode(401);
        }
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> login("rinnakkain-" + i + "-" + UUID.randomUUID()
                + "@example.com", site + ":" + Integer.toHexString(100 + i) + "::1").statusCode());
        assertEquals(Map.of(401, 5, 429, 35), answers, "twenty failures from the /48 in all, from 55 different /64s");
        login("toinen-" + UUID.randomUUID() + "@example.com", "2001:db8:ffff:1::1").then().statusCode(401);
    }

    private static Response login(String email, String clientAddress) {
        return asPortal().contentType(ContentType.JSON).header("X-Client-Address", clientAddress)
                .body(Map.of("email", email, "password", "Kesä2026!kesä", "rememberMe", false)).post("/api/v1/login/password");
    }

    public static class SmallNetworkLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.brute-force.network48-max-failures", "20");
        }
    }
}

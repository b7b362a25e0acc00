package fi.city.login.identity.flow.oidc;

import fi.city.login.identity.support.Parallel;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Guessing client secrets is limited per client and address, apart from password logins; a right secret is
 * never refused, whatever others guessed.
 */
@QuarkusTest
@RealServers
@TestProfile(TokenEndpointLimitTest.FewFailures.class)
class TokenEndpointLimitTest {

    private static final String RIGHT = "test-only-secret-for-asiointihistoria";

    @Inject
    TestAccounts accounts;

    @Test
    void wrongSecretsPauseTheirClientAtTheAddressAndTheRightSecretStillGetsIn() {
        for (int i = 0; i < 8; i++) {
            token("asiointihistoria", RIGHT).then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            token("asiointihistoria", "arvattu salaisuus " + i).then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        token("asiointihistoria", "arvattu salaisuus 6").then().statusCode(429)
                .body("error", equalTo("slow_down")).header("Retry-After", Integer::parseInt, greaterThan(60));
        token("asiointihistoria", RIGHT).then().statusCode(200);
        token("tuonti", "toisen asiakkaan arvaus").then().statusCode(401).body("error", equalTo("invalid_client"));
        assertEquals(0, accounts.addressFailures("127.0.0.1"), "password logins from the address count nothing of it");
    }

    @Test
    void fortyParallelWrongSecretsCheckNoMoreThanTheLimit() throws Exception {
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> token("asiointihistoria", "rinnakkainen " + i).statusCode());
        assertEquals(Map.of(401, 5, 429, 35), answers);
    }

    /** The review's attack: a hundred wrong secrets from the portal's own address stopped it renewing its token. */
    @Test
    void othersWrongSecretsFromThePortalsAddressNeverStopThePortal() throws Exception {
        Parallel.statuses(100, i -> token(i % 2 == 0 ? "asiointihistoria" : "keksitty-" + i, "väärä " + i).statusCode());
        token("portal", "test-only-secret-for-portal").then().statusCode(200);
        Map<Integer, Integer> portal = Parallel.statuses(40, i -> token("portal", "test-only-secret-for-portal").statusCode());
        assertEquals(Map.of(200, 40), portal);
    }

    @AfterEach
    void liftThePausesOfTheTestsOwnAddress() {
        accounts.forgetAddress("127.0.0.1");
        accounts.forgetClientSecretFailures();
    }

    private static io.restassured.response.Response token(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }

    public static class FewFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.brute-force.client-secret-max-failures", "5");
        }
    }
}

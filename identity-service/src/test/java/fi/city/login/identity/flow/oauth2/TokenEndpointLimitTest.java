package fi.city.login.identity.flow.oauth2;

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

/** Guessing client secrets is limited per address like guessing passwords; right secrets cost nothing. */
@QuarkusTest
@RealServers
@TestProfile(TokenEndpointLimitTest.FewFailures.class)
class TokenEndpointLimitTest {

    @Inject
    TestAccounts accounts;

    @Test
    void wrongSecretsPauseTheAddressAndRightOnesDoNotCount() {
        for (int i = 0; i < 8; i++) {
            token("asiointihistoria", "test-only-secret-for-asiointihistoria").then().statusCode(200);
        }
        for (int i = 0; i < 5; i++) {
            token("asiointihistoria", "arvattu salaisuus " + i).then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        token("asiointihistoria", "test-only-secret-for-asiointihistoria").then().statusCode(429)
                .body("error", equalTo("slow_down")).header("Retry-After", Integer::parseInt, greaterThan(60));
    }

    @Test
    void fortyParallelWrongSecretsCheckNoMoreThanTheLimit() throws Exception {
        Map<Integer, Integer> answers = Parallel.statuses(40, i -> token("asiointihistoria", "rinnakkainen " + i).statusCode());
        assertEquals(Map.of(401, 5, 429, 35), answers);
    }

    @AfterEach
    void liftThePauseOfTheTestsOwnAddress() {
        accounts.forgetAddress("127.0.0.1");
    }

    private static io.restassured.response.Response token(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }

    public static class FewFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.brute-force.address-max-failures", "5");
        }
    }
}

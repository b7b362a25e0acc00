package fi.city.login.identity.token;

import fi.city.login.identity.support.RealServers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** A client switches its secret without a failed call: during the switch the old and the new one both work. */
@QuarkusTest
@RealServers
class ClientSecretRotationTest {

    @Test
    void duringASwitchTheOldAndTheNewSecretBothWorkAndNothingElse() {
        token("test-only-old-secret-for-vaihto").then().statusCode(200).body("scope", equalTo("accounts:read"));
        token("test-only-new-secret-for-vaihto").then().statusCode(200);
        token("test-only-third-secret-for-vaihto").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    private static io.restassured.response.Response token(String secret) {
        return given().auth().preemptive().basic("vaihto", secret).formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }
}

package fi.city.login.identity.flow.lookup;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Other city systems find the account behind their records, with a client-credentials token. */
@QuarkusTest
@RealServers
class AccountLookupTest {

    private static final String SECRET = "test-only-secret-for-asiointihistoria";

    @Inject
    TestAccounts accounts;

    @Test
    void aCitySystemFindsTheAccountByOldUsernameEmailOrId() throws Exception {
        Migrated resident = accounts.migrated("Historia Henkilö", "fi");
        String token = given().auth().preemptive().basic("asiointihistoria", SECRET)
                .formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("scope", equalTo("accounts:read"))
                .extract().path("access_token");

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(given().get("/.well-known/jwks.json").asString()).getJsonWebKeys()))
                .setExpectedIssuer("http://localhost:8081").setExpectedAudience("http://localhost:8081")
                .setExpectedType(true, "at+jwt").build().processToClaims(token);
        assertEquals("asiointihistoria", claims.getSubject());

        given().auth().oauth2(token).queryParam("legacyUsername", resident.legacyUsername().toUpperCase())
                .get("/api/v1/accounts").then().statusCode(200)
                .body("id", equalTo(resident.id().toString()))
                .body("email", equalTo(resident.email()))
                .body("legacyUsernames", hasItem(resident.legacyUsername()));
        given().auth().oauth2(token).queryParam("email", " " + resident.email().toUpperCase())
                .get("/api/v1/accounts").then().statusCode(200).body("id", equalTo(resident.id().toString()));
        given().auth().oauth2(token).get("/api/v1/accounts/" + resident.id()).then().statusCode(200)
                .body("displayName", equalTo("Historia Henkilö"));
        given().auth().oauth2(token).get("/api/v1/accounts/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("/problems/account-not-found"));
    }

    @Test
    void withoutTheRightTokenNothingIsRevealed() {
        given().queryParam("email", "esimerkki.erkki@example.com").get("/api/v1/accounts").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("/problems/unauthorized"));
        given().auth().oauth2("not.a.token").get("/api/v1/accounts/" + UUID.randomUUID()).then().statusCode(401);

        String resident = given().formParam("grant_type", "client_credentials").formParam("client_id", "vieras")
                .formParam("client_secret", "test-only-secret-for-vieras")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(resident).get("/api/v1/accounts/" + UUID.randomUUID()).then().statusCode(403)
                .body("type", equalTo("/problems/insufficient-scope"));

        // Wrong secrets, scopes beyond the client's and other grants get no token.
        given().formParam("grant_type", "client_credentials").formParam("client_id", "asiointihistoria")
                .formParam("client_secret", "wrong").post("/oauth2/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "vieras")
                .formParam("client_secret", "test-only-secret-for-vieras").formParam("scope", "accounts:read")
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
        given().formParam("grant_type", "password").post("/oauth2/token").then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }
}

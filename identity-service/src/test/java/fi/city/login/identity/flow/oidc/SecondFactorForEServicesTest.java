package fi.city.login.identity.flow.oidc;

import fi.city.login.identity.flow.oidc.OpenIdConnectFlow.Pkce;
import fi.city.login.identity.support.Authenticator;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.CLIENT;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.authorize;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.exchange;
import static fi.city.login.identity.flow.oidc.OpenIdConnectFlow.request;
import static fi.city.login.identity.support.Authenticator.secondFactorLogin;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An e-service learns how the resident logged in (amr, acr in the ID token) and can ask for two factors
 * (acr_values=2): a resident with one factor gives the second, or sets one up first.
 */
@QuarkusTest
@RealServers
class SecondFactorForEServicesTest {

    private static final String PASSWORD = "sähköinen asiointi kahdella";
    private static final Map<String, Object> TWO_FACTORS = Map.of("acrValues", "2");

    @Inject
    TestAccounts accounts;

    @Test
    void aPasswordLoginIsOneFactorAndAnAppLoginTwo() throws Exception {
        Migrated resident = accounts.activeWithPassword("Yksi Ja Kaksi", PASSWORD);
        String passwordOnly = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        JwtClaims first = idToken(passwordOnly, Map.of());
        assertEquals(List.of("pwd"), first.getStringListClaimValue("amr"));
        assertEquals("1", first.getClaimValue("acr"));

        Authenticator app = Authenticator.enrol(passwordOnly, PASSWORD);
        String flow = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("flowToken");
        String withApp = secondFactorLogin(flow, app.nextCode()).then().statusCode(200).extract().path("sessionToken");
        JwtClaims second = idToken(withApp, TWO_FACTORS);
        assertEquals(List.of("pwd", "otp", "mfa"), second.getStringListClaimValue("amr"));
        assertEquals("2", second.getClaimValue("acr"));
    }

    @Test
    void askedForTwoFactorsAResidentWithoutASecondOneSetsItUpAndTheSessionHasTwo() throws Exception {
        Migrated resident = accounts.activeWithPassword("Ei Vielä Sovellusta", PASSWORD);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        authorize(session, request(Pkce.fresh(), "n", TWO_FACTORS)).then().statusCode(200)
                .body("outcome", equalTo("SECOND_FACTOR_ENROLMENT_REQUIRED"));
        authorize(session, request(Pkce.fresh(), "n", Map.of("acrValues", "2", "prompt", "none"))).then().statusCode(200)
                .body("outcome", equalTo("ERROR")).body("error", equalTo("interaction_required"));
        authorize(session, request(Pkce.fresh(), "n", Map.of("acrValues", "1 2"))).then().statusCode(200)
                .body("outcome", equalTo("CODE"));

        Authenticator.enrol(session, PASSWORD);
        JwtClaims id = idToken(session, TWO_FACTORS);
        assertEquals("2", id.getClaimValue("acr"));
    }

    @Test
    void askedForTwoFactorsAnOlderOneFactorSessionGivesTheCodeAndCarriesItFromThen() throws Exception {
        Migrated resident = accounts.activeWithPassword("Vanha Istunto", PASSWORD);
        String older = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        String enrolling = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        Authenticator app = Authenticator.enrol(enrolling, PASSWORD);

        authorize(older, request(Pkce.fresh(), "n", TWO_FACTORS)).then().statusCode(200)
                .body("outcome", equalTo("SECOND_FACTOR_REQUIRED"));
        addSecondFactor(older, app.confirmationCode()).then().statusCode(401)
                .body("type", equalTo("/problems/second-factor-code-invalid"));
        addSecondFactor(older, app.nextCode()).then().statusCode(200);
        JwtClaims id = idToken(older, TWO_FACTORS);
        assertEquals(List.of("pwd", "otp", "mfa"), id.getStringListClaimValue("amr"));
    }

    @Test
    void discoveryListsTheLevelsAndTheClaims() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("acr_values_supported", equalTo(List.of("1", "2")))
                .body("claims_supported", hasItems("amr", "acr"));
    }

    private static Response addSecondFactor(String session, String code) {
        return asPortal().header("X-Session-Token", session).contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/api/v1/session/second-factor");
    }

    private static JwtClaims idToken(String session, Map<String, Object> overrides) throws Exception {
        Pkce pkce = Pkce.fresh();
        String code = authorize(session, request(pkce, "n", overrides)).then().statusCode(200)
                .body("outcome", equalTo("CODE")).extract().path("code");
        String idToken = exchange(code, pkce.verifier()).then().statusCode(200).extract().path("id_token");
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(given().get("/.well-known/jwks.json").asString()).getJsonWebKeys()))
                .setSkipDefaultAudienceValidation().setExpectedAudience(CLIENT)
                .setSkipAllValidators().build().processToClaims(idToken);
    }
}

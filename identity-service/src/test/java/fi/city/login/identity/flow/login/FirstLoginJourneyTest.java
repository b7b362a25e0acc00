package fi.city.login.identity.flow.login;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.MailedLink;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.inspect;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.setPassword;
import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journey (docs/journey.md) through the API: identifier, link by event, set password, identifier again, login, logout. */
@QuarkusTest
@RealServers
class FirstLoginJourneyTest {

    private static final String NEW_PASSWORD = "vihreä polkupyörä ja kuusi kuppia";

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void migratedResidentSetsPasswordThroughEmailedLinkThenLogsInAndOut() throws Exception {
        Migrated erkki = accounts.migrated("Erkki Esimerkki", "fi");

        // Identifier step, typed with different case and spaces: a link is sent.
        identify("  " + erkki.email().toUpperCase() + " ").then().statusCode(200).body("next", equalTo("LINK_SENT"));
        MailedLink event = inbox.onlyEventFor(erkki.id());
        assertEquals(PasswordResetRequested.Purpose.FIRST_LOGIN, event.purpose());
        assertEquals(erkki.email(), event.email());
        assertEquals("Erkki Esimerkki", event.displayName());
        assertEquals("fi", event.locale());
        assertTrue(event.expiresAt().isAfter(Instant.now().plus(6, ChronoUnit.DAYS)), "first-login links last days");
        assertTrue(event.token().length() >= 43, "at least 256 bits, base64url");
        // In the topic the token is sealed to notification-service: a JWE, not the token.
        assertEquals(5, event.event().sealedToken().split("\\.").length);
        assertTrue(!event.event().sealedToken().contains(event.token()));
        assertEquals(0, accounts.rows("outbox_event"), "published rows leave the outbox");

        // Opening the link shows whose it is and does not spend it.
        inspect(event.token()).then().statusCode(200).body("email", equalTo(erkki.email()))
                .body("purpose", equalTo("FIRST_LOGIN"));
        inspect(event.token()).then().statusCode(200);

        // Bad input is refused and changes nothing.
        setPassword(event.token(), NEW_PASSWORD, NEW_PASSWORD + "x").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/password-mismatch"));
        setPassword(event.token(), "lyhyt", "lyhyt").then().statusCode(400)
                .body("type", equalTo("/problems/password-too-short"));
        setPassword(event.token(), "Password1234", "Password1234").then().statusCode(400)
                .body("type", equalTo("/problems/password-too-common"));
        assertEquals("PENDING_FIRST_PASSWORD", accounts.state(erkki.id()));
        assertNull(accounts.passwordHash(erkki.id()));

        // The password is set; the link is spent.
        setPassword(event.token(), NEW_PASSWORD, NEW_PASSWORD).then().statusCode(204);
        assertEquals("ACTIVE", accounts.state(erkki.id()));
        assertTrue(accounts.passwordHash(erkki.id()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        setPassword(event.token(), "toinen hyvä salasana tähän", "toinen hyvä salasana tähän").then().statusCode(410)
                .body("type", equalTo("/problems/link-used"));
        inspect(event.token()).then().statusCode(410);

        // The identifier step now goes straight to the password, and sends no further link.
        identify(erkki.email()).then().statusCode(200).body("next", equalTo("PASSWORD"));

        // Wrong password: 401, the same answer as for an unknown address.
        login(erkki.email(), "väärä salasana on tämä", false).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        login("nobody-" + erkki.legacyUsername() + "@example.com", NEW_PASSWORD, false).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));

        Response loggedIn = login(erkki.email(), NEW_PASSWORD, true);
        loggedIn.then().statusCode(200).body("persistent", is(true))
                .body("account.displayName", equalTo("Erkki Esimerkki"))
                .body("account.email", equalTo(erkki.email()))
                .body("account.legacyUsernames", equalTo(List.of(erkki.legacyUsername())));
        String sessionToken = loggedIn.path("sessionToken");
        String accessToken = loggedIn.path("accessToken");

        // The access token verifies with the published JWKS and names the stable id and the old username.
        JwtClaims claims = verifyWithJwks(accessToken);
        assertEquals(erkki.id().toString(), claims.getSubject());
        assertEquals(List.of(erkki.legacyUsername()), claims.getStringListClaimValue("legacy_usernames"));
        assertEquals(erkki.email(), claims.getStringClaimValue("email"));

        asPortal().header("X-Session-Token", sessionToken).get("/api/v1/session").then().statusCode(200)
                .body("account.displayName", equalTo("Erkki Esimerkki"));
        asPortal().header("X-Session-Token", sessionToken).delete("/api/v1/session").then().statusCode(204);
        asPortal().header("X-Session-Token", sessionToken).get("/api/v1/session").then().statusCode(401)
                .body("type", equalTo("/problems/session-invalid"));
    }

    @Test
    void unknownAddressIsNotRecognisedAndMalformedOneIsRefused() throws Exception {
        identify("ei-ketaan@example.com").then().statusCode(200).body("next", equalTo("NOT_RECOGNISED"));
        assertEquals(0, inbox.noAccountNoticesTo("ei-ketaan@example.com", 0).size(),
                "the screen said it; no email besides");
        identify("ei osoite@example").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-email"));
        asPortal().contentType(ContentType.JSON).body("{}").post("/api/v1/login/identifier").then().statusCode(400)
                .contentType("application/problem+json");
        asPortal().contentType(ContentType.JSON).body("{not json").post("/api/v1/login/identifier").then().statusCode(400);
    }

    @Test
    void theOldUsernameIsAnsweredWithTheMaskedAddressAndAPendingAccountGetsItsLink() throws Exception {
        Migrated pending = accounts.migrated("Vanha Tunnus", "fi");
        identify(pending.legacyUsername().toUpperCase(java.util.Locale.ROOT)).then().statusCode(200)
                .body("next", equalTo("USERNAME_IS_EMAIL_LINK_SENT"))
                .body("maskedEmail", equalTo(pending.legacyUsername().charAt(0) + "***r@Example.com"));
        assertEquals(1, inbox.eventsFor(pending.id(), 1).size(), "the first-login link went to the address on record");

        Migrated active = accounts.activeWithPassword("Vanha Aktiivinen", "aktiivisen asukkaan salasana");
        identify(active.legacyUsername()).then().statusCode(200).body("next", equalTo("USERNAME_IS_EMAIL"))
                .body("maskedEmail", equalTo(active.legacyUsername().charAt(0) + "***r@Example.com"));
        identify("ei-ollut-koskaan").then().statusCode(200).body("next", equalTo("NOT_RECOGNISED"));
    }

    @Test
    void forgotPasswordTakesTheOldUsernameToo() throws Exception {
        Migrated active = accounts.activeWithPassword("Unohtunut Tunnus", "aktiivisen asukkaan salasana");
        asPortal().header("X-Client-Address", "10.201.0.1").contentType(ContentType.JSON)
                .body(Map.of("email", active.legacyUsername(), "locale", "fi"))
                .post("/api/v1/recovery/password-links").then().statusCode(202);
        List<MailedLink> links = inbox.eventsFor(active.id(), 1);
        assertEquals(1, links.size());
        assertEquals(PasswordResetRequested.Purpose.FORGOTTEN_PASSWORD, links.get(0).event().purpose());
    }

    @Test
    void discoveryPointsAtTheJwks() {
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("jwks_uri", equalTo("http://localhost:8081/.well-known/jwks.json"));
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].d", equalTo(null));
    }

    private static JwtClaims verifyWithJwks(String jwt) throws Exception {
        String jwks = given().get("/.well-known/jwks.json").asString();
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer("http://localhost:8081")
                .setExpectedAudience("city-e-services")
                .setExpectedType(true, "at+jwt")
                .setRequireExpirationTime()
                .setRequireSubject()
                .build()
                .processToClaims(jwt);
        assertNotNull(claims.getExpirationTime());
        return claims;
    }
}

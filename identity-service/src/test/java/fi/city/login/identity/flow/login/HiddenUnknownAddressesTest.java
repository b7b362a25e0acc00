package fi.city.login.identity.flow.login;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static fi.city.login.identity.support.IdentityCalls.login;
import static org.hamcrest.Matchers.equalTo;

/** With identity.login.reveal-unknown-addresses=false an unknown address looks like a known one. */
@QuarkusTest
@RealServers
@TestProfile(HiddenUnknownAddressesTest.Hidden.class)
class HiddenUnknownAddressesTest {

    @Inject
    TestAccounts accounts;

    @Test
    void anUnknownAddressGoesToThePasswordStepAndFailsLikeAWrongPassword() {
        Migrated known = accounts.activeWithPassword("Tunnettu Asukas", "tunnetun asukkaan salasana");
        identify(known.email()).then().statusCode(200).body("next", equalTo("PASSWORD"));
        identify("tuntematon-" + known.legacyUsername() + "@example.com").then().statusCode(200)
                .body("next", equalTo("PASSWORD"));

        login("tuntematon-" + known.legacyUsername() + "@example.com", "mikä tahansa salasana", false)
                .then().statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
        login(known.email(), "mikä tahansa salasana", false)
                .then().statusCode(401).body("type", equalTo("/problems/invalid-credentials"));
    }

    public static class Hidden implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.login.reveal-unknown-addresses", "false");
        }
    }
}

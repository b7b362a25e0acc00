package fi.city.login.identity.flow.login;

import fi.city.login.identity.credential.Argon2Cost;
import fi.city.login.identity.credential.BouncyCastleArgon2Engine;
import fi.city.login.identity.credential.EncodedPasswordHash;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static fi.city.login.identity.support.IdentityCalls.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealServers
class PasswordLoginTest {

    private static final String PASSWORD = "vanha mutta hyvä salasana";

    @Inject
    TestAccounts accounts;

    @Test
    void aHashMadeAtAnOlderCostIsRedoneAtTodaysCostOnLogin() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2Cost old = new Argon2Cost(4096, 1, 1);
        String oldHash = new EncodedPasswordHash(old, salt,
                new BouncyCastleArgon2Engine().hash(PASSWORD.getBytes(StandardCharsets.UTF_8), salt, old, 32)).encode();
        Migrated resident = accounts.active("Vanha Käyttäjä", oldHash);

        login(resident.email(), PASSWORD, false).then().statusCode(200);
        String upgraded = accounts.passwordHash(resident.id());
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);

        login(resident.email(), PASSWORD, false).then().statusCode(200);
        assertEquals(upgraded, accounts.passwordHash(resident.id()), "a current hash is left alone");
    }

    @Test
    void aWrongPasswordChangesNothing() {
        Migrated resident = accounts.activeWithPassword("Varovainen Käyttäjä", PASSWORD);
        String hash = accounts.passwordHash(resident.id());
        long sessions = accounts.rows("session");

        login(resident.email(), "tämä ei ole se salasana", true).then().statusCode(401)
                .body("type", equalTo("/problems/invalid-credentials"));
        assertEquals(sessions, accounts.rows("session"));
        assertEquals(hash, accounts.passwordHash(resident.id()));
    }
}

package fi.city.login.identity.credential;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new PasswordConfig() {
        public int minLength() { return 12; }
        public int maxLength() { return 128; }
        public Argon2 argon2() { return null; }
        public Hashing hashing() { return null; }
    });

    private static final String EMAIL = "esimerkki.erkki@example.com";

    @Test
    void acceptsALongPassphraseWithoutAnyCompositionRule() {
        assertEquals(Optional.empty(), policy.check("vihreä polkupyörä ja kuusi kuppia", EMAIL));
    }

    @Test
    void countsCodePointsNotBytes() {
        assertEquals(Optional.empty(), policy.check("ääkkösiäöåäö", EMAIL));
        assertEquals(Optional.of(PasswordPolicy.Violation.TOO_SHORT), policy.check("ääkkösiäöåä", EMAIL));
    }

    @Test
    void refusesShortLongCommonAndUsernamePasswords() {
        assertEquals(Optional.of(PasswordPolicy.Violation.TOO_SHORT), policy.check("lyhyt", EMAIL));
        assertEquals(Optional.of(PasswordPolicy.Violation.TOO_LONG), policy.check("x".repeat(64) + "y".repeat(65), EMAIL));
        assertEquals(Optional.of(PasswordPolicy.Violation.COMMON), policy.check("Salasana1234", EMAIL));
        assertEquals(Optional.of(PasswordPolicy.Violation.COMMON), policy.check("aaaaaaaaaaaaaaaa", EMAIL));
        assertEquals(Optional.of(PasswordPolicy.Violation.CONTAINS_USERNAME), policy.check("Esimerkki.Erkki!!", EMAIL));
    }
}

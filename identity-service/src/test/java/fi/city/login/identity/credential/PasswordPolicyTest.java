package fi.city.login.identity.credential;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordPolicyTest {

    private static final PasswordConfig CONFIG = BreachedPasswordsTest.config(Optional.empty());
    private final PasswordPolicy policy = new PasswordPolicy(CONFIG, new BreachedPasswords(CONFIG));

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

    @Test
    void refusesAPasswordOfTheBundledBreachedCorpus() {
        // In zxcvbn's 30,000 and long enough for the length rule, but in neither block list above.
        assertEquals(Optional.of(PasswordPolicy.Violation.BREACHED), policy.check("mailcreated5240", EMAIL));
        assertEquals(Optional.of(PasswordPolicy.Violation.BREACHED), policy.check("qazwsxedc123", EMAIL));
    }
}

package fi.city.login.identity.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailAddressTest {

    @Test
    void trimsAndComparesCaseInsensitively() {
        EmailAddress email = EmailAddress.parse("  Esimerkki.Erkki@Example.COM ");
        assertEquals("Esimerkki.Erkki@Example.COM", email.display());
        assertEquals("esimerkki.erkki@example.com", email.normalized());
    }

    @Test
    void normalisesUnicodeSoThatComposedAndDecomposedFormsMatch() {
        String composed = "p\u00e4ivi@example.fi";
        String decomposed = "pa\u0308ivi@example.fi";
        assertEquals(EmailAddress.parse(composed).normalized(), EmailAddress.parse(decomposed).normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "erkki", "erkki@", "@example.com", "erkki@example", "erk ki@example.com",
            "erkki@@example.com", "erkki@example..com"})
    void refusesWhatMailCannotBeSentTo(String raw) {
        assertThrows(EmailAddress.InvalidEmailException.class, () -> EmailAddress.parse(raw));
    }
}

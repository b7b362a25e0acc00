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
            "erkki@@example.com", "erkki@example..com",
            // What a review registered: a display name with the address in angle brackets, a Cyrillic "а" in a Latin name.
            "aktiivinen.anna<probe@example.org>", "aktiivinen.\u0430nna@example.com",
            "\"quoted local\"@example.com", "erkki.@example.com", ".erkki@example.com", "er..kki@example.com",
            "erkki@-example.com", "erkki@example-.com", "erkki@example.123", "erkki@exa_mple.com", "erkki@[127.0.0.1]",
            "erk\u0000ki@example.com", "erkki@exam\u0000ple.com", "erkki(comment)@example.com"})
    void refusesWhatMailCannotBeSentTo(String raw) {
        assertThrows(EmailAddress.InvalidEmailException.class, () -> EmailAddress.parse(raw));
    }

    @Test
    void refusesALocalPartLongerThanRfc5321Allows() {
        assertThrows(EmailAddress.InvalidEmailException.class, () -> EmailAddress.parse("a".repeat(65) + "@example.com"));
        assertEquals("a".repeat(64) + "@example.com", EmailAddress.parse("a".repeat(64) + "@example.com").display());
    }

    @Test
    void keepsAnInternationalDomainInItsALabelForm() {
        EmailAddress email = EmailAddress.parse("p\u00e4ivi@p\u00e4ij\u00e4nne.fi");
        assertEquals("p\u00e4ivi@xn--pijnne-buac.fi", email.display());
        assertEquals(email.normalized(), EmailAddress.parse("P\u00c4IVI@xn--pijnne-buac.FI").normalized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"o'brien+kirjeet@example.com", "\u0432\u0430\u043d\u044f@example.ru",
            "\u5c71\u7530\u305f\u308d\u3046@example.jp", "x-1.y_2@sub.example.co.uk"})
    void acceptsMailboxesOfOneScript(String raw) {
        assertEquals(raw, EmailAddress.parse(raw).display());
    }
}

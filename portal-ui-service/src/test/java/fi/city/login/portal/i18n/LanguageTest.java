package fi.city.login.portal.i18n;

import fi.city.login.facts.Languages;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @Test
    void theMenuListsTheLanguagesTheSuiteSpeaksInItsOrder() {
        assertEquals(Languages.SPOKEN, Arrays.stream(Language.values()).map(Language::code).toList());
        assertEquals(Languages.DEFAULT, Language.choose(null, null).code());
    }
}

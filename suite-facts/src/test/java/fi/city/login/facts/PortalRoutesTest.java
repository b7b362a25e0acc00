package fi.city.login.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortalRoutesTest {

    @Test
    void aTokenIsEncodedIntoTheLinksQuery() {
        assertEquals("https://login.city.example/recovery?token=a%2Bb%2F%3D",
                PortalRoutes.withToken("https://login.city.example", PortalRoutes.RECOVERY, "a+b/="));
    }

    @Test
    void anUnspokenLanguageFallsBackToFinnish() {
        assertEquals("sv", Languages.spokenOrDefault("sv"));
        assertEquals("fi", Languages.spokenOrDefault("de"));
        assertEquals("fi", Languages.spokenOrDefault(null));
    }
}

package fi.city.login.portal.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What the portal does on its own: wording in three languages, security headers, CSRF, safe redirects.
 * The journey with identity-service is walked in a browser by local-stack's end-to-end test.
 */
@QuarkusTest
class PagesWithoutIdentityTest {

    @Test
    void identifierStepSpeaksFinnishByDefaultWithTheGuidesWording() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Strict-Transport-Security", containsString("max-age="))
                .body(containsString("<title>Kirjautuminen – Asiointipalvelu</title>"))
                .body(containsString("Kirjautumisjärjestelmä on muuttunut edellisen kirjautumisesi jälkeen. "
                        + "Käyttäjätunnuksena toimii jatkossa sähköpostiosoitteesi."))
                .body(containsString("Luo uusi käyttäjätunnus jos sinulla ei vielä ole omaa käyttäjätunnusta."))
                .body(containsString(">Jatka</button>"))
                .body(containsString("aria-label=\"FIN – kielen valinta\">FIN ▼</summary>"));
    }

    @Test
    void browserLanguageAndTheLanguageMenuChooseSwedishOrEnglish() {
        given().header("Accept-Language", "sv-FI,sv;q=0.9").get("/login").then()
                .body(containsString("<title>Inloggning – E-tjänsten</title>")).body(containsString("aria-label=\"SVE – välj språk\">SVE ▼</summary>"))
                .body(containsString("aria-current=\"true\">Svenska</a>"));
        given().cookie("lang", "en").header("Accept-Language", "sv").get("/login").then()
                .body(containsString("The way you log in has changed since your last visit.")).body(containsString(">ENG ▼</summary>"));
        Response switched = given().redirects().follow(false).get("/language/sv?return=/forgot");
        switched.then().statusCode(303).header("Location", endsWith("/forgot"));
        String languageCookie = switched.headers().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("lang=")).findFirst().orElseThrow();
        assertThat(languageCookie, containsString("lang=sv"));
        assertThat(languageCookie, containsStringIgnoringCase("HttpOnly"));
        assertThat(languageCookie, containsString("SameSite=Lax"));
    }

    @Test
    void languageMenuRedirectsOnlyWithinThePortal() {
        for (String target : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
            given().redirects().follow(false).queryParam("return", target).get("/language/fi").then().statusCode(303)
                    .header("Location", not(containsString("evil")));
        }
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedWithAPageThatSaysWhatToDo() {
        given().contentType("application/x-www-form-urlencoded").formParam("email", "esimerkki.erkki@example.com")
                .post("/login/identifier").then().statusCode(400)
                .body(containsString("Lomake vanheni tai sivu oli auki liian kauan."));
    }

    @Test
    void formsCarryACsrfTokenThatMatchesItsHttpOnlyCookie() {
        Response page = given().get("/login");
        String cookie = page.getCookie("__Host-portal_csrf");
        page.then().header("Set-Cookie", containsStringIgnoringCase("HttpOnly")).header("Set-Cookie", containsString("SameSite=Lax"))
                .body(containsString("name=\"csrf-token\""));
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        // Past CSRF the form reaches the flow: a blank address is answered with the translated guidance.
        given().cookie("__Host-portal_csrf", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token).formParam("email", " ")
                .post("/login/identifier").then().statusCode(400).body(containsString("Tarkista sähköpostiosoite."));
    }

    @Test
    void withIdentityServiceAwayAFormSaysTheServiceIsTemporarilyUnavailableInTheResidentsLanguage() {
        for (String[] language : new String[][] {{"fi", "Palvelu ei ole juuri nyt käytettävissä."},
                {"sv", "Tjänsten är inte tillgänglig just nu."}, {"en", "The service is not available right now."}}) {
            Response page = given().header("Accept-Language", language[0]).get("/login");
            String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
            given().header("Accept-Language", language[0]).cookie("__Host-portal_csrf", page.getCookie("__Host-portal_csrf"))
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", token).formParam("email", "esimerkki.erkki@example.com")
                    .post("/login/identifier").then().statusCode(503).body(containsString(language[1]));
        }
    }

    @Test
    void aLinkWithoutTokenShowsTheClearPageThatOffersANewLink() {
        given().get("/recovery").then().statusCode(404)
                .body(containsString("Linkki ei kelpaa")).body(containsString("Tilaa uusi linkki"));
    }

    @Test
    void supportContactComesFromConfiguration() {
        given().get("/register").then().statusCode(200).body(containsString("tuki@city.example"));
        given().get("/account").then().statusCode(equalTo(200)).body(containsString("Kirjautuminen"));
    }

    @Test
    void anAuthorizationRequestWithARepeatedParameterIsAnErrorPageNeverARedirect() {
        given().redirects().follow(false).get("/oauth2/authorize?client_id=a&client_id=b&redirect_uri=https://x.example/")
                .then().statusCode(400).header("Location", org.hamcrest.Matchers.nullValue())
                .body(containsString("Kirjautumispyyntö ei kelpaa. Palaa asiointipalveluun ja yritä uudelleen."));
    }

    @Test
    void anAuthorizationRequestWhileIdentityIsAwayIsAnsweredWithTheUnavailablePage() {
        given().redirects().follow(false).get("/oauth2/authorize?client_id=a&redirect_uri=https://x.example/")
                .then().statusCode(503).header("Location", org.hamcrest.Matchers.nullValue())
                .body(containsString("Palvelu ei ole juuri nyt käytettävissä."));
    }

    /** Act 306/2019: every page links to the statement, in the page's language, with what the law asks of it. */
    @Test
    void everyPageLinksToTheAccessibilityStatementInItsLanguage() {
        given().get("/login").then().statusCode(200)
                .body(containsString("<a href=\"/saavutettavuus\" id=\"accessibility-statement\">Saavutettavuusseloste</a>"));
        given().get("/saavutettavuus").then().statusCode(200)
                .body(containsString("<title>Saavutettavuusseloste – Asiointipalvelu</title>"))
                .body(containsString("WCAG 2.1 -ohjeistuksen AA-tason saavutettavuusvaatimukset osittain"))
                .body(containsString("Vastaamme 14 päivän kuluessa."))
                .body(containsString("saavutettavuus@city.example"))
                .body(containsString("Etelä-Suomen aluehallintovirasto"))
                .body(containsString("<li>Ilman JavaScriptiä kielivalikko ei sulkeudu Esc-näppäimellä.</li>"));
        given().cookie("lang", "sv").get("/saavutettavuus").then().statusCode(200)
                .body(containsString("<title>Tillgänglighetsutlåtande – E-tjänsten</title>"))
                .body(containsString("Vi svarar inom 14 dagar."));
        given().cookie("lang", "en").get("/saavutettavuus").then().statusCode(200)
                .body(containsString("Accessibility statement")).body(containsString("We answer within 14 days."))
                .body(containsString("<li>The language menu does not close with the Escape key when JavaScript is off.</li>"));
    }

    /** The review's only axe violations were the framework's own English error pages: no title, no lang, no main. */
    @Test
    void errorsAreThePortalsOwnPagesInTheVisitorsLanguage() {
        given().get("/ei-tällaista-sivua").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"fi\">"))
                .body(containsString("<title>Sivua ei löytynyt – Asiointipalvelu</title>"))
                .body(containsString("<main")).body(containsString("Etusivulle"));
        given().header("Accept-Language", "sv").get("/static/ingen.css").then().statusCode(404)
                .body(containsString("<html lang=\"sv\">")).body(containsString("<title>Sidan hittades inte – "));
        given().cookie("lang", "en").delete("/login").then().statusCode(405)
                .body(containsString("<html lang=\"en\">")).body(containsString("<title>This cannot be done this way – "));
        given().get("/register/ei-tätäkään").then().statusCode(404).body(containsString("<title>Sivua ei löytynyt – "));
    }

    @Test
    void everyAnswerHasExactlyOneContentSecurityPolicy() {
        for (String path : new String[] {"/login", "/static/portal.css", "/no-such-page", "/oauth2/logout"}) {
            List<String> policies = given().redirects().follow(false).get(path).headers().getValues("Content-Security-Policy");
            org.junit.jupiter.api.Assertions.assertEquals(1, policies.size(), path + ": " + policies);
            org.junit.jupiter.api.Assertions.assertTrue(policies.get(0).contains("form-action 'self';"), path + ": " + policies);
        }
    }
}

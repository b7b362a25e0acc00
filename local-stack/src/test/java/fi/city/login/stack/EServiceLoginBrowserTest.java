package fi.city.login.stack;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A city e-service logs a resident in through the suite (OpenID Connect, the sample e-service on the stock
 * quarkus-oidc extension): from the e-service to the portal, a first password through the emailed link
 * ordered with the old username, back at the e-service with the history kept under that username, and a
 * logout at the e-service that ends the portal session too. Uses the demo resident Ville Virtanen, whom no
 * other test touches.
 */
class EServiceLoginBrowserTest extends BrowserTest {

    private static final String VILLE = "virtanen.ville@example.com";
    private static final String PASSWORD = "seitsemän siltaa ja sininen vene";

    @Test
    void aResidentLogsInAtAnEServiceWithTheOldUsernameAndFindsTheHistory() throws Exception {
        pages.open(stack.exampleUrl());
        pages.navigate(By.id("log-in"));
        assertTrue(browser.getCurrentUrl().startsWith(stack.portalUrl() + "/login"), browser.getCurrentUrl());

        // The old username still finds the way: the page names the address it became, and the link goes there.
        pages.identify("ville");
        assertEquals("Käyttäjätunnuksesi on nyt sähköpostiosoitteesi v***e@example.com. Siihen on lähetetty linkki, "
                + "jonka avulla voit asettaa uuden salasanan.", pages.text(By.id("link-sent")));
        MimeMessage email = pages.awaitEmailsTo(VILLE, 1).get(0);
        pages.open(JourneyPages.linkIn(email));
        pages.setPassword(PASSWORD, PASSWORD);
        pages.navigate(By.id("go-to-login"));
        pages.identify(VILLE);
        pages.enterPassword(PASSWORD, false);

        // Back at the e-service, logged in, with what it kept under the old username.
        assertTrue(browser.getCurrentUrl().startsWith(stack.exampleUrl() + "/historia"), browser.getCurrentUrl());
        assertEquals("Ville Virtanen (virtanen.ville@example.com)", pages.text(By.id("resident")));
        assertEquals("ville", pages.text(By.id("legacy-usernames")));
        String history = pages.text(By.id("transactions"));
        assertTrue(history.contains("Rakennuslupa, autokatos") && history.contains("Jätehuollon tyhjennysvälin muutos"), history);

        // The portal knows the same login.
        pages.open("/");
        assertEquals("Ville Virtanen (virtanen.ville@example.com)", pages.text(By.id("resident")));

        // Logging out at the e-service goes through the portal's end-session endpoint and ends the portal session.
        pages.open(stack.exampleUrl() + "/historia");
        pages.navigate(By.id("log-out"));
        assertTrue(browser.getCurrentUrl().startsWith(stack.exampleUrl() + "/?state="), "back at the e-service's "
                + "registered post-logout page with its state: " + browser.getCurrentUrl());
        assertTrue(pages.present(By.id("log-in")));
        pages.open("/");
        assertTrue(pages.present(By.id("login-link")), "the portal session ended");
        pages.open(stack.exampleUrl() + "/historia");
        assertTrue(browser.getCurrentUrl().startsWith(stack.portalUrl() + "/login"), "the e-service asks for a login again");
    }
}

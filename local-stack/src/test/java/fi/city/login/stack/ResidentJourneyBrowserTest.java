package fi.city.login.stack;

import fi.city.login.infra.EmbeddedSmtpServer;
import fi.city.login.stack.MigratedResidents.Resident;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Cookie;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident's journey (docs/journey.md) in headless Chromium, against the three services running as
 * in production on real PostgreSQL, Kafka and SMTP servers, reading the emails from the SMTP server and
 * following their links. Each test starts without cookies and uses an account no other test touches, so
 * they pass in any order.
 */
class ResidentJourneyBrowserTest extends BrowserTest {

    private static final String ERKKI = "esimerkki.erkki@example.com";
    private static final String SESSION_COOKIE = "__Host-portal_session";
    private static final String NEW_PASSWORD = "vihreä polkupyörä ja kuusi kuppia";

    @Test
    void unknownAddressIsGuidedToAnotherAddressRegistrationOrSupport() {
        pages.open("/login");
        pages.identify("ei.tunnettu@example.com");
        assertEquals("Sähköpostiosoitetta ei tunnistettu", pages.text(By.tagName("h1")));
        assertTrue(pages.text(By.id("not-recognised")).contains("kokeile toista osoitettasi"));
        assertTrue(pages.present(By.id("try-another")));
        assertTrue(pages.present(By.id("register-link")));
        assertTrue(pages.text(By.id("support")).contains("tuki@city.example"));
    }

    /** Screens 1–9 with the demo account of the guide's own example, in the guide's Finnish wording. */
    @Test
    void migratedResidentSetsAPasswordByEmailAndThenLogsInWithIt() throws Exception {
        pages.open("/");
        pages.navigate(By.id("start-login"));
        assertEquals("Kirjautuminen", pages.text(By.tagName("h1")));
        assertEquals("Kirjautumisjärjestelmä on muuttunut edellisen kirjautumisesi jälkeen. Käyttäjätunnuksena "
                + "toimii jatkossa sähköpostiosoitteesi.", pages.text(By.id("login-notice")));
        assertEquals("Luo uusi käyttäjätunnus jos sinulla ei vielä ole omaa käyttäjätunnusta.", pages.text(By.id("register-link")));
        assertEquals("Käyttäjätunnus", pages.text(By.cssSelector("label[for=username]")));
        assertEquals("Jatka", pages.text(By.id("continue")));

        pages.identify(ERKKI);
        assertEquals("Sähköpostiisi on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.", pages.text(By.id("link-sent")));

        MimeMessage email = pages.awaitEmailsTo(ERKKI, 1).get(0);
        assertEquals("Asiointipalvelu: Vaihda unohtunut salasanasi", email.getSubject());
        String body = EmbeddedSmtpServer.part(email, "text/plain");
        assertTrue(body.contains("Alla olevalla linkillä pääset vaihtamaan unohtuneen salasanasi Asiointipalvelussa."), body);
        assertTrue(body.contains("Käyttäjätunnus: " + ERKKI), body);
        assertTrue(body.contains("Ongelmatilanteissa ota yhteys kuntaan."), body);
        String passwordLink = JourneyPages.linkIn(email);
        assertTrue(passwordLink.startsWith(stack.portalUrl()), passwordLink);

        pages.open(passwordLink);
        assertEquals("Voit vaihtaa salasanan syöttämällä uuden salasanan alla oleviin kenttiin. Salasanan vaihdon "
                + "jälkeen voit kirjautua palveluun uudella salasanalla.", pages.text(By.cssSelector("main > p")));
        assertEquals("Uusi salasana", pages.text(By.cssSelector("label[for=new-password]")));
        assertEquals("Vahvista uusi salasana", pages.text(By.cssSelector("label[for=confirm-password]")));
        pages.setPassword(NEW_PASSWORD, NEW_PASSWORD + " ja yksi");
        assertEquals("Salasanat eivät täsmää. Kirjoita sama salasana molempiin kenttiin.", pages.text(By.id("error")));
        pages.setPassword("Salasana1234", "Salasana1234");
        assertEquals("Salasana on liian yleinen tai helposti arvattava. Valitse toinen.", pages.text(By.id("error")));
        pages.setPassword(NEW_PASSWORD, NEW_PASSWORD);
        assertTrue(pages.text(By.id("password-changed")).startsWith("Salasanan vaihto onnistui."));
        assertEquals("Siirry kirjautumaan", pages.text(By.id("go-to-login")));
        pages.navigate(By.id("go-to-login"));
        assertEquals("Kirjautuminen", pages.text(By.tagName("h1")));

        // The second time the identifier step goes straight to the password step, and sends no email.
        pages.identify(ERKKI);
        assertEquals("Salasana", pages.text(By.cssSelector("label[for=password]")));
        assertEquals(ERKKI, browser.findElement(By.id("username")).getDomProperty("value"));
        assertEquals("Muista kirjautumiseni tässä tietokoneessa", pages.text(By.cssSelector("label.checkbox")));
        assertEquals("Unohtuiko käyttäjätunnus tai salasana?", pages.text(By.id("forgot-link")));
        assertEquals("Kirjaudu sisään", pages.text(By.id("log-in")));
        pages.enterPassword("väärä salasana tähän", false);
        assertEquals("Väärä käyttäjätunnus tai salasana.", pages.text(By.id("error")));
        pages.enterPassword(NEW_PASSWORD, true);

        assertEquals("Erkki Esimerkki (esimerkki.erkki@example.com)", pages.text(By.id("resident")));
        assertEquals("KIRJAUDU ULOS", pages.text(By.id("logout")));
        assertEquals("FIN ▼", pages.text(By.cssSelector("#language-menu summary")));
        Cookie session = browser.manage().getCookieNamed(SESSION_COOKIE);
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertNotNull(session.getExpiry(), "remember me keeps the login across browser restarts");
    }

    @Test
    void theLanguageMenuSwitchesThePagesAndClickingOnesNameOpensTheAccount() throws Exception {
        Resident resident = residents.create("Kielivalitsin Kaisa");
        pages.setFirstPassword(resident.email(), NEW_PASSWORD);
        pages.logIn(resident.email(), NEW_PASSWORD, false);

        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-sv"));
        assertEquals("LOGGA UT", pages.text(By.id("logout")));
        assertEquals("SVE ▼", pages.text(By.cssSelector("#language-menu summary")));
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-fi"));
        assertEquals("KIRJAUDU ULOS", pages.text(By.id("logout")));

        pages.navigate(By.id("resident"));
        assertEquals("Omat tiedot", pages.text(By.tagName("h1")));
        assertEquals(resident.legacyUsername(), pages.text(By.id("account-legacy")));
    }

    @Test
    void logOutEndsTheSessionOnTheServerToo() throws Exception {
        Resident resident = residents.create("Uloskirjautuja Ulla");
        pages.setFirstPassword(resident.email(), NEW_PASSWORD);
        pages.logIn(resident.email(), NEW_PASSWORD, true);
        assertEquals(resident.header(), pages.text(By.id("resident")));
        Cookie session = browser.manage().getCookieNamed(SESSION_COOKIE);

        pages.navigate(By.id("logout"));
        assertEquals("Kirjaudu sisään", pages.text(By.id("login-link")));
        assertNull(browser.manage().getCookieNamed(SESSION_COOKIE));

        // The old cookie brought back is worthless: the session was revoked, not just forgotten.
        // (A __Host- cookie has no Domain, so it is put back without the one Selenium reports.)
        browser.manage().addCookie(new Cookie.Builder(session.getName(), session.getValue()).path("/")
                .isSecure(true).isHttpOnly(true).sameSite("Lax").expiresOn(session.getExpiry()).build());
        pages.open("/");
        assertTrue(pages.present(By.id("login-link")));
    }

    @Test
    void withoutRememberMeTheCookieEndsWithTheBrowser() throws Exception {
        Resident resident = residents.create("Selainistunto Seppo");
        pages.setFirstPassword(resident.email(), NEW_PASSWORD);
        pages.logIn(resident.email(), NEW_PASSWORD, false);
        assertEquals(resident.header(), pages.text(By.id("resident")));
        assertNull(browser.manage().getCookieNamed(SESSION_COOKIE).getExpiry());
    }

    @Test
    void aSpentLinkShowsAClearPageThatOffersANewLink() throws Exception {
        Resident resident = residents.create("Linkinkäyttäjä Liisa");
        pages.setFirstPassword(resident.email(), NEW_PASSWORD);
        String spentLink = JourneyPages.linkIn(pages.awaitEmailsTo(resident.email(), 1).get(0));

        pages.open(spentLink);
        assertEquals("Linkki on jo käytetty", pages.text(By.id("link-problem")));
        assertEquals("Tilaa uusi linkki", pages.text(By.id("order-new-link")));
        browser.findElement(By.id("username")).sendKeys(resident.email());
        pages.navigate(By.id("order-new-link"));
        assertTrue(pages.text(By.id("forgot-sent")).contains("linkki"));

        List<MimeMessage> emails = pages.awaitEmailsTo(resident.email(), 2);
        assertEquals(2, emails.size());
        assertNotEquals(spentLink, JourneyPages.linkIn(emails.get(1)), "a new link, not the spent one again");
    }

    @Test
    void forgotPasswordWithAnAddressThatHasNoAccountTellsTheMailboxNotTheScreen() throws Exception {
        String nobody = "ei-tunnusta-" + System.nanoTime() + "@example.com";
        pages.open("/forgot");
        browser.findElement(By.id("username")).sendKeys(nobody);
        pages.navigate(By.id("send-link"));
        assertTrue(pages.text(By.id("forgot-sent")).contains("linkki"), "the same answer as for an account");

        MimeMessage notice = pages.awaitEmailsTo(nobody, 1).get(0);
        assertEquals("Asiointipalvelu: Osoitteella ei ole käyttäjätunnusta", notice.getSubject());
        String text = EmbeddedSmtpServer.part(notice, "text/plain");
        assertTrue(text.contains(stack.portalUrl() + "/register"), text);
        pages.open(text.substring(text.indexOf(stack.portalUrl() + "/register")).lines().findFirst().orElseThrow());
        assertEquals("Luo uusi käyttäjätunnus", pages.text(By.tagName("h1")));
    }

    @Test
    void aNewResidentCreatesAUsernameFromTheLoginPage() throws Exception {
        String email = "uusi.asukas@example.com";
        pages.open("/login");
        pages.navigate(By.id("register-link"));
        assertEquals("Luo uusi käyttäjätunnus", pages.text(By.tagName("h1")));
        browser.findElement(By.id("name")).sendKeys("Uusi Asukas");
        browser.findElement(By.id("username")).sendKeys(email);
        pages.navigate(By.id("create-account"));
        assertTrue(pages.text(By.id("registration-sent")).startsWith("Sähköpostiisi on lähetetty linkki"));

        MimeMessage welcome = pages.awaitEmailsTo(email, 1).get(0);
        assertEquals("Asiointipalvelu: Aseta salasanasi", welcome.getSubject());
        pages.open(JourneyPages.linkIn(welcome));
        pages.setPassword(NEW_PASSWORD, NEW_PASSWORD);
        pages.navigate(By.id("go-to-login"));
        pages.identify(email);
        pages.enterPassword(NEW_PASSWORD, false);
        assertEquals("Uusi Asukas (uusi.asukas@example.com)", pages.text(By.id("resident")));
    }

    @Test
    void aSwedishSpeakingResidentGetsTheEmailAndThePasswordPageInSwedish() throws Exception {
        String sven = "svensson.sven@example.com";
        pages.open("/login");
        pages.identify(sven);
        MimeMessage email = pages.awaitEmailsTo(sven, 1).get(0);
        assertEquals("E-tjänsten: Välj ditt lösenord", email.getSubject());
        assertTrue(EmbeddedSmtpServer.part(email, "text/plain").contains("Användarnamn: " + sven));

        // The browser asks for Finnish, but the email was Swedish: the page follows the account's language.
        pages.open(JourneyPages.linkIn(email));
        assertEquals("Välj lösenord", pages.text(By.tagName("h1")), "a first password is chosen, not changed");
        assertEquals("Nytt lösenord", pages.text(By.cssSelector("label[for=new-password]")));
    }

    @Test
    void aResidentRenamesThemselvesChoosesSwedishAndLogsOutTheirOtherDevice() throws Exception {
        Resident resident = residents.create("Asetusten Aino");
        pages.setFirstPassword(resident.email(), NEW_PASSWORD);
        // Another device: a login over plain HTTP, with a session cookie of its own.
        String otherDevice = PortalCalls.sessionCookie(PortalCalls.postForm(stack.portalUrl(), "/login/password",
                PortalCalls.csrfPair(stack.portalUrl()), java.util.Map.of("email", resident.email(), "password", NEW_PASSWORD)));
        assertEquals(200, PortalCalls.get(stack.portalUrl(), "/account", otherDevice).statusCode());
        pages.logIn(resident.email(), NEW_PASSWORD, false);
        pages.navigate(By.id("resident"));
        assertEquals(2, browser.findElements(By.cssSelector(".session-row")).size());
        assertTrue(pages.text(By.id("session-1")).startsWith("Tämä selain: Chrome, Linux"), pages.text(By.id("session-1")));

        WebElement name = browser.findElement(By.id("display-name"));
        name.clear();
        name.sendKeys("Aino Asetus");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("locale"))).selectByValue("sv");
        pages.navigate(By.id("save-profile"));
        assertEquals("Uppgifterna har sparats.", pages.text(By.id("notice")));
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"), "the pages follow the new language");
        assertEquals("Aino Asetus (" + resident.email() + ")", pages.text(By.id("resident")));

        pages.navigate(By.id("end-session-2"));
        assertEquals("Inloggningen har avslutats.", pages.text(By.id("notice")));
        assertEquals(1, browser.findElements(By.cssSelector(".session-row")).size());
        assertEquals(303, PortalCalls.get(stack.portalUrl(), "/account", otherDevice).statusCode(),
                "the other device's session ended on the server");
        String activity = pages.text(By.cssSelector("table.activity"));
        assertTrue(activity.contains("Namn eller språk ändrat") && activity.contains("Utloggning"), activity);

        // The pages in English by the menu, the account keeping Swedish for its emails: saving only the name
        // leaves the pages in the language in use.
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-en"));
        WebElement renamed = browser.findElement(By.id("display-name"));
        renamed.clear();
        renamed.sendKeys("Aino Asetus-Esimerkki");
        pages.navigate(By.id("save-profile"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"), "the language in use stays");
        assertEquals("sv", new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("locale")))
                .getFirstSelectedOption().getAttribute("value"), "the account keeps its language");
        assertTrue(browser.getTitle().startsWith(pages.text(By.id("notice"))), "the title names what was saved: " + browser.getTitle());
        assertEquals("notice", browser.switchTo().activeElement().getAttribute("id"), "the message has the focus");
    }

    @Test
    void anActiveResidentChangesThePasswordInTheAccountSettings() throws Exception {
        String anna = "aktiivinen.anna@example.com";
        String changed = "neljä kissaa katolla nyt";
        pages.logIn(anna, LocalStack.DEMO_PASSWORD, false);
        pages.navigate(By.id("resident"));

        changePassword("väärä nykyinen salasana", changed);
        assertEquals("Nykyinen salasana on väärä.", pages.text(By.id("error")));
        changePassword(LocalStack.DEMO_PASSWORD, changed);
        assertTrue(pages.text(By.id("notice")).startsWith("Salasana on vaihdettu."));
        assertEquals("Anna Aktiivinen (aktiivinen.anna@example.com)", pages.text(By.id("resident")), "still logged in here");

        MimeMessage notice = pages.awaitEmailsTo(anna, 1).get(0);
        assertEquals("Asiointipalvelu: Salasanasi on vaihdettu", notice.getSubject());

        pages.navigate(By.id("logout"));
        pages.logIn(anna, changed, false);
        assertEquals("Anna Aktiivinen (aktiivinen.anna@example.com)", pages.text(By.id("resident")));
    }

    @Test
    void aResidentChangesTheirAddressAndTheLinkToTheNewOneMakesItTheUsername() throws Exception {
        Resident resident = residents.create("Osoitteen Olli");
        String fresh = "olli.uusi." + System.nanoTime() + "@example.com";
        pages.setFirstPassword(resident.email(), NEW_PASSWORD);
        pages.logIn(resident.email(), NEW_PASSWORD, false);
        pages.navigate(By.id("resident"));

        askForNewAddress(fresh, "väärä salasana");
        assertEquals("Nykyinen salasana on väärä.", pages.text(By.id("error")));
        assertEquals("email-current-password", browser.switchTo().activeElement().getAttribute("id"), "focus on the wrong field");
        assertEquals(fresh, browser.findElement(By.id("new-email")).getAttribute("value"), "the typed address is kept");
        askForNewAddress(null, NEW_PASSWORD);
        assertTrue(pages.text(By.id("notice")).startsWith("Vahvistuslinkki on lähetetty osoitteeseen " + fresh), pages.text(By.id("notice")));
        pages.navigate(By.id("logout"));

        MimeMessage confirmation = pages.awaitEmailsTo(fresh, 1).get(0);
        assertEquals("Asiointipalvelu: Vahvista uusi sähköpostiosoitteesi", confirmation.getSubject());
        String link = JourneyPages.emailChangeLinkIn(confirmation);
        pages.logIn(resident.email(), NEW_PASSWORD, false);
        assertEquals(resident.header(), pages.text(By.id("resident")), "the old address works until the link is used");
        pages.navigate(By.id("logout"));

        // Opened without a session (another browser, say), the link asks for a login first, and the login
        // comes back to it: the link proves the mailbox, the login who reads it.
        pages.open(link);
        assertEquals("Vahvista uusi sähköpostiosoite", pages.text(By.tagName("h1")));
        assertTrue(pages.text(By.id("email-change-summary")).contains(resident.email() + " osoitteeseen " + fresh));
        assertTrue(pages.present(By.id("log-in-first")));
        pages.navigate(By.id("log-in-to-confirm"));
        pages.identify(resident.email());
        pages.enterPassword(NEW_PASSWORD, false);
        assertEquals("Vahvista uusi sähköpostiosoite", pages.text(By.tagName("h1")), "the login returns to the link");
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-sv"));
        assertEquals("Bekräfta ny e-postadress", pages.text(By.tagName("h1")), "the language switch keeps the link");
        browser.findElement(By.id("confirm-current-password")).sendKeys("väärä salasana");
        pages.navigate(By.id("confirm-email-change"));
        assertTrue(pages.present(By.id("error")), "a wrong password changes nothing");
        browser.findElement(By.id("confirm-current-password")).sendKeys(NEW_PASSWORD);
        pages.navigate(By.id("confirm-email-change"));
        assertEquals("E-postadressen har bytts", pages.text(By.tagName("h1")));
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-fi"));
        assertEquals("Sähköpostiosoite vaihdettu", pages.text(By.tagName("h1")), "the result page stays when the language changes");

        List<MimeMessage> toOld = pages.awaitEmailsTo(resident.email(), 3);
        assertEquals(List.of("Asiointipalvelu: Käyttäjätunnuksesi on vaihdettu",
                        "Asiointipalvelu: Käyttäjätunnuksesi vaihtoa on pyydetty"),
                toOld.subList(1, 3).stream().map(JourneyPages::subject).sorted().toList(),
                "the old address was told when the change was asked, and when it was made");
        pages.open("/");
        assertEquals(resident.displayName() + " (" + fresh + ")", pages.text(By.id("resident")),
                "the session it was confirmed in goes on, under the new address");
        pages.navigate(By.id("logout"));
        pages.logIn(fresh, NEW_PASSWORD, false);
        assertEquals(resident.displayName() + " (" + fresh + ")", pages.text(By.id("resident")));
        pages.navigate(By.id("resident"));
        assertEquals(resident.legacyUsername(), pages.text(By.id("account-legacy")), "the old system's username stays");
        assertTrue(pages.text(By.cssSelector("table.activity")).contains("Sähköpostiosoite vaihdettu"));
    }

    /** The account page's email form; a null address leaves the field as it is. */
    private static void askForNewAddress(String address, String password) {
        if (address != null) {
            browser.findElement(By.id("new-email")).sendKeys(address);
        }
        browser.findElement(By.id("email-current-password")).sendKeys(password);
        pages.navigate(By.id("change-email"));
    }

    private static void changePassword(String current, String fresh) {
        browser.findElement(By.id("current-password")).sendKeys(current);
        browser.findElement(By.id("new-password")).sendKeys(fresh);
        browser.findElement(By.id("confirm-password")).sendKeys(fresh);
        pages.navigate(By.id("change-password"));
    }
}

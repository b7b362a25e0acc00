package fi.city.login.stack;

import fi.city.login.infra.EmbeddedSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FLOW.md steps 1–9 in headless Chromium, against the three services running as in production on
 * real PostgreSQL, Kafka and SMTP servers, reading the email from the SMTP server and following its link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidentJourneyBrowserTest {

    private static final String ERKKI = "esimerkki.erkki@example.com";
    private static final String NEW_PASSWORD = "vihreä polkupyörä ja kuusi kuppia";
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/recovery\\?token=[A-Za-z0-9_%-]+");

    private static LocalStack stack;
    private static ChromeDriver browser;
    private static String passwordLink;

    @BeforeAll
    static void startSuiteAndBrowser() throws Exception {
        Browser.requireChromium();
        Path logs = Path.of("target", "local-stack.log");
        Files.createDirectories(logs.getParent());
        PrintStream log = new PrintStream(new FileOutputStream(logs.toFile()), true, StandardCharsets.UTF_8);
        stack = LocalStack.start(LocalStack.findRoot(), Ports.free(), System.getenv(), log);
        browser = Browser.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void unknownAddressIsGuidedToAnotherAddressRegistrationOrSupport() {
        browser.get(stack.portalUrl() + "/login");
        identify("ei.tunnettu@example.com");
        assertEquals("Sähköpostiosoitetta ei tunnistettu", text(By.tagName("h1")));
        assertTrue(text(By.id("not-recognised")).contains("kokeile toista osoitettasi"));
        assertNotNull(browser.findElement(By.id("try-another")));
        assertNotNull(browser.findElement(By.id("register-link")));
        assertTrue(text(By.id("support")).contains("tuki@city.example"));
    }

    @Test
    @Order(2)
    void migratedResidentGetsTheLinkByEmail() throws Exception {
        browser.get(stack.portalUrl() + "/");
        navigate(By.id("start-login"));
        assertEquals("Kirjautuminen", text(By.tagName("h1")));
        assertEquals("Kirjautumisjärjestelmä on muuttunut edellisen kirjautumisesi jälkeen. Käyttäjätunnuksena "
                + "toimii jatkossa sähköpostiosoitteesi.", text(By.id("login-notice")));
        assertEquals("Luo uusi käyttäjätunnus jos sinulla ei vielä ole omaa käyttäjätunnusta.", text(By.id("register-link")));
        assertEquals("Käyttäjätunnus", text(By.cssSelector("label[for=username]")));
        assertEquals("Jatka", text(By.id("continue")));

        identify(ERKKI);
        assertEquals("Sähköpostiisi on lähetetty linkki, jonka avulla voit asettaa uuden salasanan.", text(By.id("link-sent")));

        MimeMessage email = awaitEmailsTo(ERKKI, 1).get(0);
        assertEquals("Asiointipalvelu: Vaihda unohtunut salasanasi", email.getSubject());
        String body = EmbeddedSmtpServer.part(email, "text/plain");
        assertTrue(body.contains("Alla olevalla linkillä pääset vaihtamaan unohtuneen salasanasi Asiointipalvelussa."), body);
        assertTrue(body.contains("Käyttäjätunnus: " + ERKKI), body);
        assertTrue(body.contains("Ongelmatilanteissa ota yhteys kuntaan."), body);
        Matcher link = LINK.matcher(body);
        assertTrue(link.find(), body);
        passwordLink = link.group();
        assertTrue(passwordLink.startsWith(stack.portalUrl()), passwordLink);
    }

    @Test
    @Order(3)
    void residentSetsANewPasswordFromTheLinkAfterAMismatchIsRefused() {
        browser.get(passwordLink);
        assertEquals("Voit vaihtaa salasanan syöttämällä uuden salasanan alla oleviin kenttiin. Salasanan vaihdon "
                + "jälkeen voit kirjautua palveluun uudella salasanalla.", text(By.cssSelector("main > p")));
        assertEquals("Uusi salasana", text(By.cssSelector("label[for=new-password]")));
        assertEquals("Vahvista uusi salasana", text(By.cssSelector("label[for=confirm-password]")));

        setPassword(NEW_PASSWORD, NEW_PASSWORD + " ja yksi");
        assertEquals("Salasanat eivät täsmää. Kirjoita sama salasana molempiin kenttiin.", text(By.id("error")));

        setPassword("Salasana1234", "Salasana1234");
        assertEquals("Salasana on liian yleinen tai helposti arvattava. Valitse toinen.", text(By.id("error")));

        setPassword(NEW_PASSWORD, NEW_PASSWORD);
        assertTrue(text(By.id("password-changed")).startsWith("Salasanan vaihto onnistui."));
        assertEquals("Siirry kirjautumaan", text(By.id("go-to-login")));
        navigate(By.id("go-to-login"));
        assertEquals("Kirjautuminen", text(By.tagName("h1")));
    }

    @Test
    @Order(4)
    void theSecondLoginGoesStraightToThePasswordAndShowsTheResidentInTheHeader() throws Exception {
        browser.get(stack.portalUrl() + "/login");
        identify(ERKKI);
        assertEquals("Salasana", text(By.cssSelector("label[for=password]")));
        assertEquals(ERKKI, browser.findElement(By.id("username")).getDomProperty("value"));
        assertEquals("Muista kirjautumiseni tässä tietokoneessa", text(By.cssSelector("label.checkbox")));
        assertEquals("Unohtuiko käyttäjätunnus tai salasana?", text(By.id("forgot-link")));
        assertEquals("Kirjaudu sisään", text(By.id("log-in")));

        browser.findElement(By.id("password")).sendKeys("väärä salasana tähän");
        navigate(By.id("log-in"));
        assertEquals("Väärä käyttäjätunnus tai salasana.", text(By.id("error")));

        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("remember-me")).click();
        navigate(By.id("log-in"));

        assertEquals("Erkki Esimerkki (esimerkki.erkki@example.com)", text(By.id("resident")));
        assertEquals("KIRJAUDU ULOS", text(By.id("logout")));
        assertEquals("FIN ▼", text(By.cssSelector("#language-menu summary")));
        Cookie session = browser.manage().getCookieNamed("portal_session");
        assertTrue(session.isHttpOnly());
        assertEquals("Lax", session.getSameSite());
        assertNotNull(session.getExpiry(), "remember me keeps the login across browser restarts");

    }

    @Test
    @Order(5)
    void theLanguageMenuSwitchesThePagesAndClickingOnesNameOpensTheAccount() {
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        navigate(By.id("language-sv"));
        assertEquals("LOGGA UT", text(By.id("logout")));
        assertEquals("SVE ▼", text(By.cssSelector("#language-menu summary")));
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        navigate(By.id("language-fi"));
        assertEquals("KIRJAUDU ULOS", text(By.id("logout")));

        navigate(By.id("resident"));
        assertEquals("Omat tiedot", text(By.tagName("h1")));
        assertEquals("erkki", text(By.id("account-legacy")));
    }

    @Test
    @Order(6)
    void logOutEndsTheSessionOnTheServerToo() {
        Cookie session = browser.manage().getCookieNamed("portal_session");
        navigate(By.id("logout"));
        assertEquals("Kirjaudu sisään", text(By.id("login-link")));
        assertNull(browser.manage().getCookieNamed("portal_session"));

        // The old cookie brought back is worthless: the session was revoked, not just forgotten.
        browser.manage().addCookie(session);
        browser.get(stack.portalUrl() + "/");
        assertFalse(browser.findElements(By.id("login-link")).isEmpty());
    }

    @Test
    @Order(7)
    void withoutRememberMeTheCookieEndsWithTheBrowser() {
        browser.get(stack.portalUrl() + "/login");
        identify(ERKKI);
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        navigate(By.id("log-in"));
        assertEquals("Erkki Esimerkki (esimerkki.erkki@example.com)", text(By.id("resident")));
        assertNull(browser.manage().getCookieNamed("portal_session").getExpiry());
        navigate(By.id("logout"));
    }

    @Test
    @Order(8)
    void aSpentLinkShowsAClearPageThatOffersANewLink() throws Exception {
        browser.get(passwordLink);
        assertEquals("Linkki on jo käytetty", text(By.id("link-problem")));
        assertEquals("Tilaa uusi linkki", text(By.id("order-new-link")));
        browser.findElement(By.id("username")).sendKeys(ERKKI);
        navigate(By.id("order-new-link"));
        assertTrue(text(By.id("forgot-sent")).contains("linkki"));

        // Exactly two emails in all: the logins after the password was set sent none.
        List<MimeMessage> emails = awaitEmailsTo(ERKKI, 2);
        assertEquals(2, emails.size());
        Matcher newLink = LINK.matcher(EmbeddedSmtpServer.part(emails.get(1), "text/plain"));
        assertTrue(newLink.find());
        assertFalse(newLink.group().equals(passwordLink), "a new link, not the spent one again");
    }

    @Test
    @Order(9)
    void aNewResidentCreatesAUsernameFromTheLoginPage() throws Exception {
        String email = "uusi.asukas@example.com";
        browser.get(stack.portalUrl() + "/login");
        navigate(By.id("register-link"));
        assertEquals("Luo uusi käyttäjätunnus", text(By.tagName("h1")));
        browser.findElement(By.id("name")).sendKeys("Uusi Asukas");
        browser.findElement(By.id("username")).sendKeys(email);
        navigate(By.id("create-account"));
        assertTrue(text(By.id("registration-sent")).startsWith("Sähköpostiisi on lähetetty linkki"));

        MimeMessage welcome = awaitEmailsTo(email, 1).get(0);
        assertEquals("Asiointipalvelu: Aseta salasanasi", welcome.getSubject());
        Matcher link = LINK.matcher(EmbeddedSmtpServer.part(welcome, "text/plain"));
        assertTrue(link.find());
        browser.get(link.group());
        setPassword(NEW_PASSWORD, NEW_PASSWORD);
        navigate(By.id("go-to-login"));
        identify(email);
        browser.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
        navigate(By.id("log-in"));
        assertEquals("Uusi Asukas (uusi.asukas@example.com)", text(By.id("resident")));
    }

    @Test
    @Order(10)
    void aSwedishSpeakingResidentGetsTheEmailAndThePasswordPageInSwedish() throws Exception {
        String sven = "svensson.sven@example.com";
        browser.manage().deleteAllCookies();
        browser.get(stack.portalUrl() + "/login");
        identify(sven);
        MimeMessage email = awaitEmailsTo(sven, 1).get(0);
        assertEquals("E-tjänsten: Byt ditt bortglömda lösenord", email.getSubject());
        String body = EmbeddedSmtpServer.part(email, "text/plain");
        assertTrue(body.contains("Användarnamn: " + sven), body);
        Matcher link = LINK.matcher(body);
        assertTrue(link.find());

        // The browser asks for Finnish, but the email was Swedish: the page follows the account's language.
        browser.get(link.group());
        assertEquals("Byt lösenord", text(By.tagName("h1")));
        assertEquals("Nytt lösenord", text(By.cssSelector("label[for=new-password]")));
    }

    @Test
    @Order(11)
    void anActiveResidentChangesThePasswordInTheAccountSettings() throws Exception {
        String anna = "aktiivinen.anna@example.com";
        String changed = "neljä kissaa katolla nyt";
        browser.manage().deleteAllCookies();
        browser.get(stack.portalUrl() + "/login");
        identify(anna);
        browser.findElement(By.id("password")).sendKeys(LocalStack.DEMO_PASSWORD);
        navigate(By.id("log-in"));
        navigate(By.id("resident"));

        browser.findElement(By.id("current-password")).sendKeys("väärä nykyinen salasana");
        browser.findElement(By.id("new-password")).sendKeys(changed);
        browser.findElement(By.id("confirm-password")).sendKeys(changed);
        navigate(By.id("change-password"));
        assertEquals("Nykyinen salasana on väärä.", text(By.id("error")));

        browser.findElement(By.id("current-password")).sendKeys(LocalStack.DEMO_PASSWORD);
        browser.findElement(By.id("new-password")).sendKeys(changed);
        browser.findElement(By.id("confirm-password")).sendKeys(changed);
        navigate(By.id("change-password"));
        assertTrue(text(By.id("notice")).startsWith("Salasana on vaihdettu."));
        assertEquals("Anna Aktiivinen (aktiivinen.anna@example.com)", text(By.id("resident")), "still logged in here");

        MimeMessage notice = awaitEmailsTo(anna, 1).get(0);
        assertEquals("Asiointipalvelu: Salasanasi on vaihdettu", notice.getSubject());

        navigate(By.id("logout"));
        browser.get(stack.portalUrl() + "/login");
        identify(anna);
        browser.findElement(By.id("password")).sendKeys(changed);
        navigate(By.id("log-in"));
        assertEquals("Anna Aktiivinen (aktiivinen.anna@example.com)", text(By.id("resident")));
    }

    private static void identify(String email) {
        WebElement field = browser.findElement(By.id("username"));
        field.clear();
        field.sendKeys(email);
        navigate(By.id("continue"));
    }

    private static void setPassword(String password, String confirmation) {
        browser.findElement(By.id("new-password")).sendKeys(password);
        browser.findElement(By.id("confirm-password")).sendKeys(confirmation);
        navigate(By.id("save-password"));
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    private static void navigate(By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(by).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    private static String text(By by) {
        return browser.findElement(by).getText().strip();
    }

    private static List<MimeMessage> awaitEmailsTo(String address, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<MimeMessage> found = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            for (MimeMessage message : stack.smtp().messages()) {
                if (address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
                    found.add(message);
                }
            }
            if (found.size() >= atLeast) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " emails to " + address);
    }
}

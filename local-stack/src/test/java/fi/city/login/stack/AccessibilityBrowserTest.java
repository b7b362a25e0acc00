package fi.city.login.stack;

import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.1 AA in a real browser: axe-core on every page state a resident can reach, in Finnish, Swedish
 * and English; each also at 320 CSS pixels wide and at 640 (a 1280-pixel window at 200% zoom) without
 * horizontal scrolling; errors named in the title and focused; and a login walked with the keyboard alone.
 */
class AccessibilityBrowserTest extends BrowserTest {

    private static final String PASSWORD = "kaksi kirahvia kävelee kaupungissa";
    private static final Map<String, String> ERROR_PREFIX = Map.of("fi", "Virhe:", "sv", "Fel:", "en", "Error:");

    private final List<String> findings = new ArrayList<>();

    @Test
    void everyPageStateInEveryLanguagePassesAxeAndReflowsAt320Pixels() throws Exception {
        pages.open("/");
        browser.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')");
        assertTrue(Axe.violations(browser).contains("image-alt"), "axe-core runs and finds an image without text");
        for (String language : List.of("fi", "sv", "en")) {
            browser.manage().deleteAllCookies();
            pages.open("/language/" + language + "?return=/");
            check(language, "front page");
            pages.open("/login");
            check(language, "identifier step");
            pages.identify("ei osoite@example");
            checkError(language, "identifier step, malformed address");
            pages.identify("ei.tunnettu." + language + "@example.com");
            check(language, "address not recognised");

            Resident resident = residents.create("Saavutettava " + language);
            pages.open("/login");
            pages.identify(resident.email());
            check(language, "link sent");
            pages.open("/login");
            pages.identify(resident.legacyUsername());
            check(language, "old username, link sent");
            pages.open(JourneyPages.linkIn(pages.awaitEmailsTo(resident.email(), 1).get(0)));
            check(language, "set password");
            pages.setPassword(PASSWORD, PASSWORD + " ja toinen");
            checkError(language, "set password, mismatch");
            pages.setPassword(PASSWORD, PASSWORD);
            check(language, "password set");

            pages.open("/login");
            pages.identify(resident.email());
            check(language, "password step");
            pages.enterPassword("väärä salasana tähän", false);
            checkError(language, "password step, wrong password");
            pages.enterPassword(PASSWORD, false);
            check(language, "front page, logged in");
            pages.open("/account");
            check(language, "account");
            pages.open("/account/second-factor");
            check(language, "two-step verification, set up");
            pages.open("/account");
            browser.findElement(By.id("passkey-name")).sendKeys("Saavutettava avain");
            browser.findElement(By.id("passkey-current-password")).sendKeys(PASSWORD);
            pages.navigate(By.id("add-passkey"));
            check(language, "create a passkey");
            pages.open("/account");
            browser.findElement(By.id("current-password")).sendKeys("väärä nykyinen salasana");
            browser.findElement(By.id("new-password")).sendKeys(PASSWORD + " uusi");
            browser.findElement(By.id("confirm-password")).sendKeys(PASSWORD + " uusi");
            pages.navigate(By.id("change-password"));
            checkError(language, "account, wrong current password");
            String newAddress = "uusi.osoite." + language + "." + System.nanoTime() + "@example.com";
            browser.findElement(By.id("new-email")).sendKeys(newAddress);
            browser.findElement(By.id("email-current-password")).sendKeys("väärä nykyinen salasana");
            pages.navigate(By.id("change-email"));
            checkError(language, "account, new address with a wrong password");
            browser.findElement(By.id("email-current-password")).sendKeys(PASSWORD);
            pages.navigate(By.id("change-email"));
            check(language, "account, confirmation link sent");
            pages.open(JourneyPages.emailChangeCancellationLinkIn(pages.awaitEmailsTo(resident.email(), 2)));
            check(language, "cancel the change of address (the old address's link)");
            pages.open(JourneyPages.emailChangeLinkIn(pages.awaitEmailsTo(newAddress, 1).get(0)));
            check(language, "confirm the new address");
            browser.findElement(By.id("confirm-current-password")).sendKeys("väärä nykyinen salasana");
            pages.navigate(By.id("confirm-email-change"));
            checkError(language, "confirm the new address, wrong password");
            browser.findElement(By.id("confirm-current-password")).sendKeys(PASSWORD);
            pages.navigate(By.id("confirm-email-change"));
            check(language, "address changed");
            pages.open("/email-change?token=ei-ollut-koskaan-kelvollinen-linkki");
            check(language, "confirmation link not valid");
            pages.open("/oauth2/logout");
            check(language, "logout confirmation");
            pages.navigate(By.id("confirm-logout"));
            check(language, "logged out");
            pages.open("/oauth2/logout");
            check(language, "logout without a session");
            pages.navigate(By.id("accessibility-statement"));
            check(language, "accessibility statement");
            pages.open("/ei-tallaista-sivua");
            check(language, "page not found");

            pages.open("/forgot");
            check(language, "forgot password");
            browser.findElement(By.id("username")).sendKeys(resident.legacyUsername());
            pages.navigate(By.id("send-link"));
            check(language, "forgot password, link ordered");
            pages.open("/register");
            check(language, "create a username");
            browser.findElement(By.id("name")).sendKeys("Uusi Saavutettava");
            browser.findElement(By.id("username")).sendKeys("uusi.saavutettava." + language + "." + System.nanoTime() + "@example.com");
            pages.navigate(By.id("create-account"));
            check(language, "username created, link sent");
            pages.open("/recovery?token=ei-ollut-koskaan-kelvollinen-linkki");
            check(language, "link not valid");
            pages.open("/oauth2/authorize?client_id=a&client_id=b");
            check(language, "error page");
        }
        assertEquals("", String.join("\n", findings));
    }

    @Test
    void aResidentLogsInAndOutWithTheKeyboardAloneAndAlwaysSeesWhereTheFocusIs() throws Exception {
        Resident resident = residents.create("Näppäimistön Käyttäjä");
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.open("/login");

        // The username field has the focus on arrival; Enter submits each step.
        assertEquals("username", focused().getAttribute("id"));
        pages.leavePageBy(() -> type(resident.email() + Keys.ENTER));
        assertEquals("password", focused().getAttribute("id"), "the password step focuses the password field");
        pages.leavePageBy(() -> type(PASSWORD + Keys.ENTER));
        assertEquals(resident.header(), pages.text(By.id("resident")));

        // Tab from the top of the page: every stop shows a focus ring; the language menu opens with Enter.
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 6 && !"language-menu".equals(parentDetailsId()); i++) {
            type(Keys.TAB.toString());
            stops.add(describe(focused()));
            assertTrue(hasVisibleFocus(), "no visible focus on " + describe(focused()));
        }
        assertEquals("language-menu", parentDetailsId(), "the language menu is reached by Tab: " + stops);
        type(Keys.ENTER.toString());
        assertEquals(true, browser.executeScript("return document.getElementById('language-menu').open"), "Enter opens the menu");
        type(Keys.ESCAPE.toString());
        assertEquals(false, browser.executeScript("return document.getElementById('language-menu').open"), "Escape closes it");
        assertEquals("language-menu", parentDetailsId(), "and leaves the focus on it");
        type(Keys.ENTER.toString());
        type(Keys.TAB.toString());
        type(Keys.TAB.toString());
        assertEquals("language-sv", focused().getAttribute("id"));
        pages.leavePageBy(() -> type(Keys.ENTER.toString()));
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));

        // Log out: Tab to the button, Enter.
        browser.executeScript("document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int i = 0; i < 4 && !"logout".equals(focused().getAttribute("id")); i++) {
            type(Keys.TAB.toString());
        }
        assertEquals("logout", focused().getAttribute("id"));
        assertEquals("LOGGA UT", focused().getText(), "capitals by the style sheet");
        pages.leavePageBy(() -> type(Keys.ENTER.toString()));
        assertTrue(pages.present(By.id("login-link")));
    }

    @Test
    void switchingLanguageOnTheSetPasswordPageKeepsTheLink() throws Exception {
        Resident resident = residents.create("Kielenvaihtaja");
        pages.open("/login");
        pages.identify(resident.email());
        pages.open(JourneyPages.linkIn(pages.awaitEmailsTo(resident.email(), 1).get(0)));
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-sv"));
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Välj lösenord", pages.text(By.tagName("h1")), "still the set-password page, with its link");
        pages.setPassword(PASSWORD, PASSWORD);
        assertTrue(pages.present(By.id("password-changed")));
        switchTo("en");
        assertTrue(browser.getTitle().startsWith("Password set"), browser.getTitle());
        assertTrue(pages.present(By.id("password-changed")), "still the result, not the link's page again");
    }

    @Test
    void switchingLanguageAfterAStepKeepsItsPageAndAsksNothingAgain() throws Exception {
        Resident resident = residents.create("Askeleen Kielenvaihtaja");
        pages.open("/login");
        pages.identify(resident.email());
        assertTrue(pages.present(By.id("link-sent")));
        switchTo("sv");
        assertTrue(pages.present(By.id("link-sent")), "still \"check your email\", in Swedish");
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));
        pages.awaitEmailsTo(resident.email(), 1);
        NothingOnItsWay.await(SuiteUnderTest.stack());
        assertEquals(1, pages.awaitEmailsTo(resident.email(), 1).size(), "the switch sent no second link");

        browser.manage().deleteAllCookies(); // back to Finnish, which setFirstPassword reads
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.open("/login");
        pages.identify(resident.email());
        switchTo("fi");
        assertEquals(resident.email(), browser.findElement(By.id("username")).getAttribute("value"), "still the password step, for this address");
        pages.enterPassword("väärä salasana tähän", false);
        switchTo("en");
        assertTrue(pages.present(By.id("password")), "the password step again after a wrong password");
        pages.enterPassword(PASSWORD, false);
        assertEquals(resident.header(), pages.text(By.id("resident")));

        pages.navigate(By.id("logout"));
        pages.open("/forgot");
        browser.findElement(By.id("username")).sendKeys(resident.email());
        pages.navigate(By.id("send-link"));
        switchTo("sv");
        assertTrue(pages.present(By.id("forgot-sent")), "still \"check your email\"");
    }

    private static void switchTo(String language) {
        browser.findElement(By.cssSelector("#language-menu summary")).click();
        pages.navigate(By.id("language-" + language));
    }

    /** axe-core, the page's language, and reflow at 320 and 640 CSS pixels. */
    private void check(String language, String state) throws Exception {
        String where = language + ", " + state + " (" + browser.getTitle() + ")";
        String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
        if (!language.equals(lang)) {
            findings.add(where + ": <html lang=\"" + lang + "\">");
        }
        String violations = Axe.violations(browser);
        if (!violations.isBlank()) {
            findings.add(where + ":\n" + violations);
        }
        for (int width : new int[] {320, 640}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            if (scrollWidth.intValue() > width) {
                findings.add(where + ": " + scrollWidth + " px wide at a " + width + " px viewport");
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** As {@link #check}, and the error is in the title and its field has the focus. */
    private void checkError(String language, String state) throws Exception {
        check(language, state);
        if (!browser.getTitle().startsWith(ERROR_PREFIX.get(language))) {
            findings.add(language + ", " + state + ": the title does not say there is an error: " + browser.getTitle());
        }
        WebElement field = focused();
        if (!"true".equals(field.getAttribute("aria-invalid")) || !String.valueOf(field.getAttribute("aria-describedby")).contains("error")) {
            findings.add(language + ", " + state + ": the focus is not on the field in error: " + describe(field));
        }
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private static void type(CharSequence keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private static String parentDetailsId() {
        return (String) browser.executeScript("const d = document.activeElement.closest('details'); return d ? d.id : null");
    }

    private static boolean hasVisibleFocus() {
        return Boolean.TRUE.equals(browser.executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && s.outlineWidth !== '0px'"));
    }

    private static String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + " \"" + element.getText() + "\"";
    }
}

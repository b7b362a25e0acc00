package fi.city.login.stack;

import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-step verification in a real browser: set up an authenticator app in the settings from its key, keep the
 * recovery codes, log in again with the password and a code the app shows, and with a recovery code when
 * the phone is away; each page axe-clean. The app is played by {@link AuthenticatorApp}.
 */
class TwoStepVerificationBrowserTest extends BrowserTest {

    private static final String PASSWORD = "kaksi avainta taskussa aina";

    @Test
    void aResidentSetsUpAnAppAndLogsInWithItsCodeAndLaterWithARecoveryCode() throws Exception {
        Resident resident = residents.create("Kaksivaiheinen Kirsi");
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.logIn(resident.email(), PASSWORD, false);
        List<String> findings = new ArrayList<>();

        pages.open("/account");
        pages.navigate(By.id("set-up-second-factor"));
        axe(findings, "second factor, intro");
        browser.findElement(By.id("setup-current-password")).sendKeys(PASSWORD);
        pages.navigate(By.id("start-second-factor"));
        axe(findings, "second factor, QR code");
        assertTrue(browser.findElement(By.cssSelector("#qr-code svg path")).getAttribute("d").length() > 500, "a QR code is drawn");
        AuthenticatorApp app = new AuthenticatorApp(pages.text(By.id("totp-secret")));
        long step = AuthenticatorApp.currentStep();
        browser.findElement(By.id("totp-code")).sendKeys(app.code(step + 5));
        pages.navigate(By.id("confirm-second-factor"));
        assertTrue(browser.getTitle().startsWith("Virhe:"), "a code of no current step is refused: " + browser.getTitle());
        axe(findings, "second factor, wrong code");
        browser.findElement(By.id("totp-code")).sendKeys(app.code(step));
        pages.navigate(By.id("confirm-second-factor"));
        axe(findings, "recovery codes");
        List<String> recoveryCodes = browser.findElements(By.cssSelector("#recovery-codes code")).stream()
                .map(code -> code.getText()).toList();
        assertEquals(10, recoveryCodes.size());
        pages.navigate(By.id("recovery-codes-saved"));
        assertTrue(pages.text(By.id("second-factor-on")).contains("10"), pages.text(By.id("second-factor-on")));

        pages.navigate(By.id("logout"));
        pages.logIn(resident.email(), PASSWORD, false);
        assertEquals("second-factor-code", browser.switchTo().activeElement().getAttribute("id"), "the code field has the focus");
        axe(findings, "login, second factor step");
        browser.findElement(By.id("second-factor-code")).sendKeys(app.code(step));
        pages.navigate(By.id("give-second-factor"));
        assertTrue(browser.getTitle().startsWith("Virhe:"), "the code used to set up is not taken again");
        axe(findings, "login, second factor step, code used");
        browser.findElement(By.id("second-factor-code")).sendKeys(app.code(step + 1));
        pages.navigate(By.id("give-second-factor"));
        assertEquals(resident.header(), pages.text(By.id("resident")));

        pages.navigate(By.id("logout"));
        pages.logIn(resident.email(), PASSWORD, false);
        browser.findElement(By.id("second-factor-code")).sendKeys(recoveryCodes.get(0));
        pages.navigate(By.id("give-second-factor"));
        assertEquals(resident.header(), pages.text(By.id("resident")));
        assertEquals("", String.join("\n", findings));
    }

    @Test
    void theDemoResidentWithAnAppLogsInWithTheCodeOfThePublishedKey() {
        pages.logIn("kaksivaihe.kaisa@example.com", LocalStack.DEMO_PASSWORD, false);
        AuthenticatorApp app = new AuthenticatorApp(LocalStack.DEMO_TOTP_SECRET);
        // Another run may have used this step's code: the next one is accepted too (one step of drift).
        browser.findElement(By.id("second-factor-code")).sendKeys(app.code(AuthenticatorApp.currentStep() + 1));
        pages.navigate(By.id("give-second-factor"));
        assertEquals("Kaisa Kaksivaihe (kaksivaihe.kaisa@example.com)", pages.text(By.id("resident")));
    }

    private static void axe(List<String> findings, String state) throws Exception {
        String violations = Axe.violations(browser);
        if (!violations.isBlank()) {
            findings.add(state + " (" + browser.getTitle() + "):\n" + violations);
        }
    }
}

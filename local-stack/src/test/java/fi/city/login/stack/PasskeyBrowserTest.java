package fi.city.login.stack;

import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passkeys in a real browser, through Chromium's virtual authenticator (a platform authenticator with user
 * verification, as a phone's): one is added in the settings after the password, and then logs the resident
 * in without a password, at the portal and at an e-service whose ID token says so; a stranger's guesses that
 * pause password logins do not keep the passkey's owner out.
 */
class PasskeyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "avain taskussa ei salasanaa";

    private VirtualAuthenticator authenticator;

    @AfterEach
    void removeTheAuthenticator() {
        if (authenticator != null) {
            browser.removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    void aPasskeyAddedInTheSettingsLogsInWithoutAPasswordEvenWhilePasswordLoginsArePaused() throws Exception {
        authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
        Resident resident = residents.create("Pääsyavaimen Pauliina");
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.logIn(resident.email(), PASSWORD, false);
        List<String> findings = new ArrayList<>();

        pages.open("/account");
        axe(findings, "account, no passkeys");
        browser.findElement(By.id("passkey-name")).sendKeys("Oma puhelin");
        browser.findElement(By.id("passkey-current-password")).sendKeys(PASSWORD);
        pages.navigate(By.id("add-passkey"));
        axe(findings, "create a passkey");
        pages.navigate(By.id("create-passkey"));
        assertEquals("Pääsyavain on lisätty.", pages.text(By.id("notice")));
        assertTrue(pages.text(By.id("passkey-1")).startsWith("Oma puhelin: lisätty"), pages.text(By.id("passkey-1")));
        assertEquals(1, authenticator.getCredentials().size(), "a discoverable credential on the authenticator");
        axe(findings, "account, one passkey");
        pages.navigate(By.id("logout"));

        // A stranger's ten wrong passwords pause password logins from every browser the account does not know.
        IdentityCalls calls = new IdentityCalls(stack);
        for (int i = 0; i < 10; i++) {
            calls.post(stack.identityUrl(), "/api/v1/login/password",
                    "{\"email\":\"" + resident.email() + "\",\"password\":\"arvaus " + i + "\",\"rememberMe\":false}");
        }
        assertEquals(429, calls.post(stack.identityUrl(), "/api/v1/login/password",
                "{\"email\":\"" + resident.email() + "\",\"password\":\"" + PASSWORD + "\",\"rememberMe\":false}").statusCode(),
                "the right password from a new browser is paused");

        // A new browser (no cookies): the passkey is offered in the username field's autofill, which Chromium's
        // virtual authenticator accepts at once, as a resident picking it would.
        browser.manage().deleteAllCookies();
        pages.open("/login");
        awaitResident(resident);

        // At an e-service: its login goes through the same page, and its ID token says how.
        pages.navigate(By.id("logout"));
        pages.open(stack.exampleUrl());
        pages.navigate(By.id("log-in"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(stack.exampleUrl() + "/historia"));
        String methods = pages.text(By.id("login-methods"));
        assertTrue(methods.matches("(hwk|swk) mfa \\(acr 2\\)"), "the e-service's ID token: " + methods);

        // That login came from a browser the account did not know: its owner was told, with "it wasn't me".
        pages.open(JourneyPages.secureAccountLinkIn(pages.awaitEmailsTo(resident.email(), 2)));
        axe(findings, "it wasn't me");
        pages.navigate(By.id("secure-account"));
        axe(findings, "every session ended");
        assertTrue(pages.text(By.id("account-secured")).startsWith("Kaikki kirjautumiset"), pages.text(By.id("account-secured")));
        pages.open("/");
        assertTrue(pages.present(By.id("login-link")), "the session of this browser ended too");
        assertEquals("", String.join("\n", findings));
    }

    @Test
    void fortyParallelAnswersToOneChallengeStartOneSession() throws Exception {
        authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
        Resident resident = residents.create("Rinnakkainen Pääsyavain");
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.logIn(resident.email(), PASSWORD, false);
        pages.open("/account");
        browser.findElement(By.id("passkey-name")).sendKeys("Työkone");
        browser.findElement(By.id("passkey-current-password")).sendKeys(PASSWORD);
        pages.navigate(By.id("add-passkey"));
        pages.navigate(By.id("create-passkey"));
        pages.navigate(By.id("logout"));

        // The ceremony run by hand on a page without the login form (whose autofill would answer first): the
        // options from the portal, the authenticator's answer kept instead of posted.
        pages.open("/forgot");
        String answer = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/login/passkey/options', {method: 'POST', body: new URLSearchParams(new FormData(document.querySelector('main form')))})
                  .then(r => r.json())
                  .then(o => navigator.credentials.get({publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(o)}))
                  .then(c => done(JSON.stringify(c.toJSON())), e => done('failed: ' + e));""");
        assertTrue(answer.startsWith("{"), answer);

        IdentityCalls calls = new IdentityCalls(stack);
        String body = "{\"response\":" + jsonString(answer) + ",\"rememberMe\":false}";
        Map<Integer, Integer> statuses = IdentityCalls.parallel(40,
                i -> calls.post(stack.identityUrl(), "/api/v1/login/passkey", body).statusCode());
        // The others are refused as a spent challenge (401) or, verified after the winner, as a counter that did
        // not rise (400): a replay either way.
        assertEquals(1, statuses.get(200), statuses.toString());
        assertEquals(39, statuses.getOrDefault(400, 0) + statuses.getOrDefault(401, 0), statuses.toString());
    }

    @Test
    void aPasskeyStandsInForTheAuthenticatorAppsCodeAtTheSecondStep() throws Exception {
        authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
        Resident resident = residents.create("Kaksi Avainta");
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.logIn(resident.email(), PASSWORD, false);
        pages.open("/account");
        pages.navigate(By.id("set-up-second-factor"));
        browser.findElement(By.id("setup-current-password")).sendKeys(PASSWORD);
        pages.navigate(By.id("start-second-factor"));
        AuthenticatorApp app = new AuthenticatorApp(pages.text(By.id("totp-secret")));
        long step = AuthenticatorApp.currentStep();
        browser.findElement(By.id("totp-code")).sendKeys(app.code(step));
        pages.navigate(By.id("confirm-second-factor"));
        pages.navigate(By.id("recovery-codes-saved"));

        // With an app set up, adding a passkey takes a code too.
        browser.findElement(By.id("passkey-name")).sendKeys("Kannettava");
        browser.findElement(By.id("passkey-current-password")).sendKeys(PASSWORD);
        browser.findElement(By.id("passkey-second-factor-code")).sendKeys(app.code(step + 1));
        pages.navigate(By.id("add-passkey"));
        pages.navigate(By.id("create-passkey"));
        assertEquals("Pääsyavain on lisätty.", pages.text(By.id("notice")));
        pages.navigate(By.id("logout"));

        // The virtual authenticator answers the login page's autofill at once; refusing user verification for
        // a moment leaves the resident to type the password, as one who ignores the autofill would.
        authenticator.setUserVerified(false);
        pages.logIn(resident.email(), PASSWORD, false);
        assertTrue(pages.present(By.id("second-factor-code")), "the password leads to the second step");
        authenticator.setUserVerified(true);
        pages.navigate(By.id("log-in-with-passkey"));
        assertEquals(resident.header(), pages.text(By.id("resident")), "the passkey was the second factor");
    }

    @Test
    void anEServiceAskingForTwoFactorsGetsThePasskeyOfAOneFactorSession() throws Exception {
        authenticator = browser.addVirtualAuthenticator(platformAuthenticator());
        Resident resident = residents.create("Porrastettu Pääsyavain");
        pages.setFirstPassword(resident.email(), PASSWORD);
        pages.logIn(resident.email(), PASSWORD, false);
        pages.open("/account");
        browser.findElement(By.id("passkey-name")).sendKeys("Puhelin");
        browser.findElement(By.id("passkey-current-password")).sendKeys(PASSWORD);
        pages.navigate(By.id("add-passkey"));
        pages.navigate(By.id("create-passkey"));

        // The session has the password alone; the e-service asks for two factors (acr_values=2).
        pages.open("/oauth2/authorize?client_id=asiointihistoria&response_type=code&scope=openid&state=porras"
                + "&redirect_uri=" + URLEncoder.encode(stack.exampleUrl() + "/callback", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&acr_values=2");
        assertTrue(browser.getCurrentUrl().contains("/login/second-factor"), browser.getCurrentUrl());
        assertTrue(pages.present(By.id("asked-by-service")));
        String callback = stack.exampleUrl() + "/callback?";
        browser.findElement(By.id("log-in-with-passkey")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(callback));
        String landed = browser.getCurrentUrl();
        assertTrue(landed.contains("code=") && landed.contains("state=porras"), "a code for the e-service: " + landed);
    }

    private static VirtualAuthenticatorOptions platformAuthenticator() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void awaitResident(Resident resident) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("resident")).isEmpty());
        assertEquals(resident.header(), pages.text(By.id("resident")), "logged in, no password typed");
    }

    private static void axe(List<String> findings, String state) throws Exception {
        String violations = Axe.violations(browser);
        if (!violations.isBlank()) {
            findings.add(state + " (" + browser.getTitle() + "):\n" + violations);
        }
    }
}

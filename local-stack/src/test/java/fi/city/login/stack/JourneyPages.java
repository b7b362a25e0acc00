package fi.city.login.stack;

import fi.city.login.infra.EmbeddedSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a resident does on the portal's pages, and what they read in their mailbox: the one place the
 * browser tests find elements by id, so that a test reads as the journey it walks.
 */
final class JourneyPages {

    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/recovery\\?token=[A-Za-z0-9_%-]+");
    static final Pattern EMAIL_CHANGE_LINK = Pattern.compile("http://localhost:\\d+/email-change\\?token=[A-Za-z0-9_%-]+");
    static final Pattern EMAIL_CHANGE_CANCELLATION_LINK =
            Pattern.compile("http://localhost:\\d+/email-change/cancel\\?token=[A-Za-z0-9_%-]+");

    static final Pattern SECURE_ACCOUNT_LINK = Pattern.compile("http://localhost:\\d+/secure-account\\?token=[A-Za-z0-9_%-]+");

    private final ChromeDriver browser;
    private final LocalStack stack;

    JourneyPages(ChromeDriver browser, LocalStack stack) {
        this.browser = browser;
        this.stack = stack;
    }

    void open(String path) {
        browser.get(path.startsWith("http") ? path : stack.portalUrl() + path);
    }

    /** The identifier step: type the address, press "Jatka". */
    void identify(String email) {
        WebElement field = browser.findElement(By.id("username"));
        field.clear();
        field.sendKeys(email);
        navigate(By.id("continue"));
    }

    /** The password step, after the identifier step. */
    void enterPassword(String password, boolean rememberMe) {
        browser.findElement(By.id("password")).sendKeys(password);
        if (rememberMe) {
            browser.findElement(By.id("remember-me")).click();
        }
        navigate(By.id("log-in"));
    }

    /** The whole login: identifier step, then password step. */
    void logIn(String email, String password, boolean rememberMe) {
        open("/login");
        identify(email);
        enterPassword(password, rememberMe);
    }

    /** The set-password page opened from a link. */
    void setPassword(String password, String confirmation) {
        browser.findElement(By.id("new-password")).sendKeys(password);
        browser.findElement(By.id("confirm-password")).sendKeys(confirmation);
        navigate(By.id("save-password"));
    }

    /** A migrated account's first login up to a set password: identifier step, the emailed link, the new password. */
    void setFirstPassword(String email, String password) throws Exception {
        open("/login");
        identify(email);
        open(linkIn(awaitEmailsTo(email, 1).get(0)));
        setPassword(password, password);
        if (!text(By.id("password-changed")).startsWith("Salasanan vaihto onnistui.")) {
            throw new AssertionError("the first password of " + email + " was not set");
        }
    }

    /**
     * Clicks what leads to another page and waits until the next page has loaded. The old page is marked
     * with a window property rather than watched as an element: while a page is being swapped out, Chromium
     * may answer a question about its elements with "node does not belong to the document" instead of a
     * stale-element error, which a staleness wait does not expect.
     */
    void navigate(By by) {
        leavePageBy(() -> browser.findElement(by).click());
    }

    /** Does what leaves the page (a click, a key) and waits until the next page has loaded, as {@link #navigate}. */
    void leavePageBy(Runnable action) {
        browser.executeScript("window.journeyPageLeft = false");
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(browser.executeScript(
                        "return window.journeyPageLeft === undefined && document.readyState === 'complete'")));
    }

    String text(By by) {
        return browser.findElement(by).getText().strip();
    }

    static String subject(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new AssertionError(unreadable);
        }
    }

    boolean present(By by) {
        return !browser.findElements(by).isEmpty();
    }

    /** The password link in an email's plain-text part. */
    static String linkIn(MimeMessage email) throws Exception {
        return linkIn(email, LINK);
    }

    /** The confirmation link in the plain-text part of an email to a new address. */
    static String emailChangeLinkIn(MimeMessage email) throws Exception {
        return linkIn(email, EMAIL_CHANGE_LINK);
    }

    /** The "this wasn't me" link among the emails to an old address: the notice that a change was asked. */
    static String emailChangeCancellationLinkIn(java.util.List<MimeMessage> emails) throws Exception {
        for (MimeMessage email : emails) {
            if (EMAIL_CHANGE_CANCELLATION_LINK.matcher(EmbeddedSmtpServer.part(email, "text/plain")).find()) {
                return linkIn(email, EMAIL_CHANGE_CANCELLATION_LINK);
            }
        }
        throw new AssertionError("no email carries a link that cancels the change");
    }

    /** The "it wasn't me" link of a new-browser notice among the emails to an address. */
    static String secureAccountLinkIn(java.util.List<MimeMessage> emails) throws Exception {
        for (MimeMessage email : emails) {
            if (SECURE_ACCOUNT_LINK.matcher(EmbeddedSmtpServer.part(email, "text/plain")).find()) {
                return linkIn(email, SECURE_ACCOUNT_LINK);
            }
        }
        throw new AssertionError("no email carries a new-browser notice's link");
    }

    private static String linkIn(MimeMessage email, Pattern kind) throws Exception {
        Matcher link = kind.matcher(EmbeddedSmtpServer.part(email, "text/plain"));
        if (!link.find()) {
            throw new AssertionError("no " + kind.pattern() + " link in " + email.getSubject());
        }
        return link.group();
    }

    /** Every email the SMTP server took for the address, oldest first, once there are at least {@code atLeast}. */
    List<MimeMessage> awaitEmailsTo(String address, int atLeast) throws Exception {
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

package fi.city.login.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;

/**
 * What every browser test shares: the suite under test, one headless Chromium per test class, the journey's
 * page helpers and a way to make migrated residents. Each test starts without cookies.
 */
@ExtendWith(SuiteUnderTest.class)
abstract class BrowserTest {

    static LocalStack stack;
    static ChromeDriver browser;
    static JourneyPages pages;
    static MigratedResidents residents;

    @BeforeAll
    static void startSuiteAndBrowser() throws Exception {
        Browser.requireChromium();
        stack = SuiteUnderTest.stack();
        browser = Browser.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        pages = new JourneyPages(browser, stack);
        residents = new MigratedResidents(stack);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void aBrowserWithoutCookies() {
        pages.open("/");
        browser.manage().deleteAllCookies();
    }
}

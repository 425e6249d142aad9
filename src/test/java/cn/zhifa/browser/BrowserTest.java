package cn.zhifa.browser;

import cn.zhifa.ApplicationTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * Base of the browser walks: the application of the shared {@link ApplicationTest} context on its random port, seen
 * through Debian's headless Chromium with a Chinese browser language, driven by Selenium through Debian's
 * chromedriver. Nothing is downloaded at run time: both binaries are given explicitly, so Selenium Manager never runs.
 *
 * <p>Without the binaries (a newcomer with only Java 17) the walks are skipped with a message saying what to install;
 * with {@code ZHIFA_BROWSER_TESTS=required} (set by {@code .ci/run}) they fail instead, so CI cannot go green without
 * them. {@code -Dzhifa.chromium=…} and {@code -Dzhifa.chromedriver=…} point to other binaries.
 *
 * <p>One browser per test class (a fresh profile each), cookies cleared before every test.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    static final String CHROMIUM = System.getProperty("zhifa.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("zhifa.chromedriver", "/usr/bin/chromedriver");
    static final String REQUIRED = "required";
    /** The demo users' password in the test profile (application-test.yaml). */
    protected static final String PASSWORD = "test-secret";
    /** Generous: the first Cockpit load on a busy build machine takes long (its bundles are several MB). */
    protected static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Path TARGET_SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort protected int port;

    protected WebDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        requireBrowser(System.getenv("ZHIFA_BROWSER_TESTS"), CHROMIUM, CHROMEDRIVER);
        profile = Files.createTempDirectory("zhifa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=1440,900");
        // navigator.languages[0] decides the webapps' locale (docs/webapps-chinese.md)
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // the console goes into the failure message of a walk that waited in vain
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                // the agency's time zone, as on the staff's computers (the footer names it, dates follow it)
                .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Without this, Chromium revalidates a webapp's index.html it saw before, keeps the old body with its old CSP
        // nonce and takes the new nonce from the 304's headers: every script is then refused and the app hangs on its
        // splash screen. A walk should see what a first visit sees.
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser = chrome;
        browser.manage().window().setSize(new Dimension(1440, 900));
    }

    @BeforeEach
    void forgetThePreviousUser() {
        browser.get(url("/camunda/app/welcome/default/"));
        browser.manage().deleteAllCookies();
        ((JavascriptExecutor) browser).executeScript("localStorage.clear(); sessionStorage.clear();");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    /**
     * Skips the walks when a binary is missing, or fails them when the environment says they are required.
     * Package-visible so that {@code BrowserRequirementTest} can prove both branches.
     */
    static void requireBrowser(String mode, String chromium, String chromedriver) {
        List<String> missing = java.util.stream.Stream.of(chromium, chromedriver)
                .filter(path -> !Files.isExecutable(Path.of(path))).toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "browser tests need Debian's chromium and chromedriver (apt-get install chromium "
                + "chromium-driver); not found: " + String.join(", ", missing);
        if (REQUIRED.equals(mode)) {
            Assertions.fail(message + " (ZHIFA_BROWSER_TESTS=required)");
        }
        Assumptions.abort(message + "; skipped");
    }

    // ------------------------------------------------------------------ helpers for walks

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Opens a webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}) and logs in on its form. A
     * second attempt follows a first that hung: on a loaded build machine a webapp sometimes stays on its splash
     * screen (its scripts refused by the page's own CSP nonce) or the login answer does not come in time.
     */
    protected void logIn(String app, String user) {
        AssertionError failure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                attemptLogIn(app, user);
                settle();
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // always under target/: a picture of a failure does not belong to the documentation
                saveScreenshot(TARGET_SCREENSHOTS, "failed-login-" + app + "-" + user);
                failure = new AssertionError("login of " + user + " in " + app + " did not finish; page:\n"
                        + pageText() + "\nbrowser console:\n" + console(), e);
                System.err.println("attempt " + attempt + ": " + failure.getMessage());
            }
        }
        throw failure;
    }

    private void attemptLogIn(String app, String user) {
        browser.get(url("/camunda/app/" + app + "/default/#/login"));
        WebElement name = waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
        name.clear();
        name.sendKeys(user);
        WebElement password = browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]"));
        password.clear();
        password.sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected void waitForText(By locator, String text) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** What the page wrote to the browser console so far. */
    protected String console() {
        return browser.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The visible text of the whole page. */
    protected String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Waits until Angular has settled: no pending HTTP requests and nothing left in the digest. */
    protected void settle() {
        new WebDriverWait(browser, PATIENCE).until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("""
                        var el = document.querySelector('.ng-scope');
                        if (!window.angular || !el) { return document.readyState === 'complete'; }
                        var injector = angular.element(el).injector();
                        if (!injector) { return true; }
                        return injector.get('$http').pendingRequests.length === 0;
                        """)));
    }

    /**
     * Saves a PNG of the window as {@code <name>.png}: under {@code target/screenshots/} by default, under
     * {@code docs/screenshots/} (shown in the README) with {@code -Dzhifa.screenshots=docs}. So an ordinary build
     * leaves the work tree clean and the documentation's pictures change only when someone refreshes them.
     */
    protected Path screenshot(String name) {
        return saveScreenshot("docs".equals(System.getProperty("zhifa.screenshots")) ? Path.of("docs/screenshots")
                : TARGET_SCREENSHOTS, name);
    }

    private Path saveScreenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

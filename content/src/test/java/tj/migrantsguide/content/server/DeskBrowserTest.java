package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.TakesScreenshot;
import tj.migrantsguide.testing.FakeClock;

/**
 * The desk's main paths in a real browser: Debian's chromium driven headless by chromedriver (Selenium), against
 * the real server. Login, lockout, claim, answer, the audit log. Screenshots go to target/screens/desk-*.png
 * (docs/screens/ holds the ones looked at). CI installs chromium and chromium-driver (.ci/run); without them
 * the class is skipped with the reason printed.
 */
class DeskBrowserTest {
    private static final Path SCREENS = Path.of("target", "screens");

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TestServer server;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        Optional<Path> chromium = firstExecutable("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> driver = firstExecutable("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String reason = "no chromium/chromedriver (apt-get install chromium chromium-driver)";
            System.out.println("[browser] skipped: " + reason);
            assumeTrue(false, reason);
        }
        server = TestServer.start(clock, ReferenceServer.Limits.standard(), Optional.empty(), 0,
                TestServer.sqlite(temp));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // --no-sandbox: CI runs as root in a container, where chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900",
                "--lang=en", "--user-data-dir=" + temp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Optional<Path> firstExecutable(String... paths) {
        return Stream.of(paths).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private void ask(String key, String message) throws Exception {
        HttpResponse<String> response = server.post(TestServer.token(3), key, "{\"topic\":\"work-and-pay\","
                + "\"country\":\"RU\",\"language\":\"ru\",\"message\":\"" + message + "\"}");
        assertEquals(201, response.statusCode(), response.body());
    }

    private void logIn(String name, String password) throws InterruptedException {
        browser.get(server.base().resolve("desk/login").toString());
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(password);
        submit(browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENS.resolve("desk-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Clicks and waits until the browser has left the page (its body went stale): reading the page right after a
     * click could read the old one, or lose it half-way (StaleElementReferenceException under load). The bound is
     * for liveness only, not a speed target.
     */
    private void submit(WebElement button) throws InterruptedException {
        WebElement before = browser.findElement(By.tagName("body"));
        button.click();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                before.isEnabled();
            } catch (StaleElementReferenceException left) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the page did not change within 30 s of the click");
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void anOperatorLogsInClaimsAndAnswersAndTheSupervisorSeesItInTheAuditLog() throws Exception {
        ask("k1", "Работодатель не платит зарплату третий месяц.");
        ask("k2", "Где продлить патент на работу в Москве?");

        browser.get(server.base().resolve("desk").toString());
        assertTrue(browser.getCurrentUrl().endsWith("/desk/login"), browser.getCurrentUrl());
        screenshot("login");
        logIn(TestServer.OPERATOR, "not-the-password");
        assertTrue(text().contains("Wrong name or password."), text());

        logIn(TestServer.OPERATOR, TestServer.DESK_PASSWORD);
        assertTrue(text().contains("2 open questions"), text());
        WebElement first = browser.findElements(By.cssSelector("article.q")).get(0);
        String id = first.getAttribute("id").substring(2);
        submit(first.findElement(By.xpath(".//form[contains(@action,'/desk/claim')]//button")));
        WebElement claimed = browser.findElement(By.id("q-" + id));
        assertTrue(claimed.getText().contains("claimed by aziz"), claimed.getText());
        screenshot("claimed");

        claimed.findElement(By.name("answer")).sendKeys("Позвоните на горячую линию и возьмите договор.");
        submit(claimed.findElement(By.xpath(".//form[contains(@action,'/desk/answer')]//button")));
        assertTrue(text().contains("1 open question"), text());
        assertTrue(text().contains("Answered recently"), text());
        screenshot("answered");
        submit(browser.findElement(By.xpath("//form[contains(@action,'/desk/logout')]//button")));
        assertTrue(browser.getCurrentUrl().endsWith("/desk/login"), browser.getCurrentUrl());

        logIn(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);
        submit(browser.findElement(By.linkText("Audit log")));
        String audit = text();
        assertTrue(audit.contains("aziz claim " + id), audit);
        assertTrue(audit.contains("aziz answer " + id), audit);
        assertTrue(audit.contains("aziz login-refused"), audit);
        screenshot("audit");
    }

    @Test
    void afterTenWrongPasswordsTheBrowserIsRefusedEvenWithTheRightOne() throws Exception {
        for (int i = 0; i < 10; i++) {
            logIn(TestServer.SUPERVISOR, "wrong-password-" + i);
            assertTrue(text().contains("Wrong name or password."), text());
        }
        logIn(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);

        assertTrue(text().contains("Until then even the right password is refused."), text());
        screenshot("lockout");
    }
}

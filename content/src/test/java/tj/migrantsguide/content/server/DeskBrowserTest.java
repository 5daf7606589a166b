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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.TakesScreenshot;
import tj.migrantsguide.testing.FakeClock;

/**
 * The desk's main paths in a real browser: Debian's chromium driven headless by chromedriver (Selenium), against
 * the real server. Login, lockout, claim, answer, the audit log; in Tajik and Russian: a supervisor's template, an
 * answer filled from it, marking a sender abusive, "answered in N days". Screenshots go to target/screens/desk-*.png
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
    /** How far the server's clock moves at each click: an operator's minute, so the audit log reads in order. */
    private Duration perClick = Duration.ZERO;

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
        ask(3, key, "work-and-pay", message);
    }

    private String ask(int device, String key, String topic, String message) throws Exception {
        HttpResponse<String> response = server.post(TestServer.token(device), key, "{\"topic\":\"" + topic + "\","
                + "\"country\":\"RU\",\"language\":\"tg\",\"message\":\"" + message + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return tj.migrantsguide.questions.QuestionCodec.readReceipt(response.body().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).orElseThrow().id();
    }

    /** The article of question {@code id} on the page now. */
    private WebElement question(String id) {
        return browser.findElement(By.id("q-" + id));
    }

    private void click(WebElement within, String formAction) throws InterruptedException {
        submit(within.findElement(By.xpath(".//form[contains(@action,'" + formAction + "')]//button")));
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
        clock.advance(perClick);
        button.click();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (left(before) && loaded()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the page did not change within 30 s of the click");
    }

    /**
     * The old page's body is gone. Chromium says so as a stale element, or, when asked in the middle of the
     * navigation, as "Node with given id does not belong to the document" (a plain WebDriverException).
     */
    private static boolean left(WebElement before) {
        try {
            before.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException gone) {
            if (String.valueOf(gone.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw gone;
        }
    }

    /** The new page has been read to its end (so that what the test reads next is all there). */
    private boolean loaded() {
        return "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState"));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    @Test
    void anOperatorLogsInClaimsAndAnswersAndTheSupervisorSeesItInTheAuditLog() throws Exception {
        ask("k1", "Работодатель не платит зарплату третий месяц.");
        ask("k2", "Где продлить патент на работу в Москве?");
        perClick = Duration.ofMinutes(1);

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
        assertTrue(audit.contains("aziz claimed " + id), audit);
        assertTrue(audit.contains("aziz answered " + id), audit);
        assertTrue(audit.contains("aziz refused: wrong name or password from 127.0.0.1"), audit);
        screenshot("audit");
    }

    @Test
    void inTajikASupervisorWritesATemplateFillsAnAnswerFromItMarksASpammerAndReadsItAllInTheAuditLog()
            throws Exception {
        InboxStore inbox = server.server.inbox();
        String old = ask(5, "k0", "documents", "Шиносномаамро гум кардам, чӣ кор кунам?");
        clock.advance(Duration.ofDays(2));
        inbox.answer(old, "Ба сафорати Тоҷикистон муроҷиат кунед.", clock.instant());
        String lost = ask(5, "k1", "documents", "Шиносномаи ман дар Маскав дуздида шуд. Чӣ кор кунам?");
        String another = ask(6, "k1", "documents", "Патенти корӣ дар куҷо дароз карда мешавад?");
        String spam = ask(7, "k1", "health", "Спам спам спам спам спам спам.");
        perClick = Duration.ofMinutes(1);

        browser.get(server.base().resolve("desk/login").toString());
        submit(browser.findElement(By.linkText("Тоҷикӣ")));
        assertTrue(browser.getCurrentUrl().endsWith("/desk/login"), browser.getCurrentUrl());
        assertTrue(text().contains("Ворид шудан"), text());
        logIn(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);
        String queue = text();
        assertTrue(queue.contains("Саволҳои бепосух: 3."), queue);
        assertTrue(queue.contains("Ҷавобҳо дар 30 рӯзи охир"), queue);
        assertTrue(queue.contains("Ҳуҷҷатҳо 1 2.0 2.0"), "one answer after 2 days: " + queue);

        submit(browser.findElement(By.linkText("Намунаҳо")));
        browser.findElement(By.cssSelector("select[name=topic] option[value=documents]")).click();
        browser.findElement(By.name("title")).sendKeys("Шиноснома гум шуд");
        browser.findElement(By.name("body")).sendKeys("Ба сафорат ё консулгарии Тоҷикистон муроҷиат кунед.");
        submit(browser.findElement(By.cssSelector("form button[type=submit]")));
        assertTrue(text().contains("Ҳуҷҷатҳо · охирин тағйир: malika"), text());
        screenshot("templates-tg");

        submit(browser.findElement(By.linkText("Бозгашт ба саволҳо")));
        click(question(lost), "/desk/fill");
        WebElement filled = question(lost);
        WebElement box = filled.findElement(By.name("answer"));
        assertEquals("Ба сафорат ё консулгарии Тоҷикистон муроҷиат кунед.", box.getAttribute("value"));
        assertTrue(text().contains("Аз рӯи намунаи Шиноснома гум шуд пур карда шуд."), text());
        screenshot("question-tg");
        box.sendKeys(" Дар Маскав аввал ба полиция хабар диҳед.");
        click(filled, "/desk/answer");
        assertTrue(text().contains("Саволҳои бепосух: 2."), text());

        click(question(spam), "/desk/abusive");
        assertTrue(text().contains("Фиристандагоне, ки бадниятона қайд шудаанд"), text());
        assertTrue(text().contains(spam + " malika"), text());
        screenshot("abusive-tg");
        HttpResponse<String> blocked = server.post(TestServer.token(7), "k2", "{\"topic\":\"health\",\"country\":"
                + "\"RU\",\"language\":\"tg\",\"message\":\"Боз як саволи ман.\"}");
        assertEquals(403, blocked.statusCode());
        assertTrue(blocked.body().contains("қабули саволҳоро аз ин дастгоҳ қатъ кард"), blocked.body());

        submit(browser.findElement(By.linkText("Бозгашт ба саволҳо")));
        assertTrue(text().contains("Ҳуҷҷатҳо 2"), "two documents answers in the figures now: " + text());
        screenshot("queue-tg");
        submit(browser.findElement(By.linkText("Дафтари амалҳо")));
        String audit = text();
        for (String row : new String[] {"malika ворид шуд", "malika намуна илова кард",
                "malika ҷавобро аз рӯи намуна пур кард " + lost, "malika ҷавоб дод " + lost,
                "malika фиристандаро бадниятона қайд кард: саволҳои нав аз дастгоҳи ӯ қабул намешаванд " + spam}) {
            assertTrue(audit.contains(row), row + " in " + audit);
        }
        screenshot("audit-tg");

        // The same desk in Russian: the queue, a question filled from the template, the audit log.
        submit(browser.findElement(By.linkText("Русский")));
        assertTrue(text().contains("Открытых вопросов: 2."), text());
        assertTrue(text().contains("Ответы за последние 30 дней"), text());
        screenshot("queue-ru");
        click(question(another), "/desk/fill");
        assertTrue(text().contains("Заполнено по шаблону Шиноснома гум шуд."), text());
        screenshot("question-ru");
        submit(browser.findElement(By.linkText("Назад к вопросам")));
        submit(browser.findElement(By.linkText("Журнал действий")));
        assertTrue(text().contains("malika заполнил ответ по шаблону " + another), text());
        screenshot("audit-ru");
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

    private void report(int device, String key, String country, String about, String number) throws Exception {
        HttpResponse<String> response = server.post(TestServer.token(device), key, "{\"topic\":\"report-a-problem\","
                + "\"country\":\"" + country + "\",\"language\":\"tg\",\"message\":\"Рақами " + number
                + " кор намекунад.\",\"about\":\"" + about + "\",\"number\":\"" + number + "\"}");
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void anOperatorFindsTheNumbersThatDoNotWorkInTajikOneRowPerContact() throws Exception {
        report(11, "r1", "RU", "contact/RU/trafficking-hotline-227-ru", "227-07-07-07");
        clock.advance(Duration.ofMinutes(40));
        report(12, "r1", "KZ", "contact/KZ/emergency-112-kz", "112");
        clock.advance(Duration.ofHours(2));
        report(13, "r1", "RU", "contact/RU/trafficking-hotline-227-ru", "227-07-07-07");
        clock.advance(Duration.ofHours(3));
        report(14, "r1", "KZ", "contact/RU/trafficking-hotline-227-ru", "227-07-07-07");

        logIn(TestServer.OPERATOR, TestServer.DESK_PASSWORD);
        submit(browser.findElement(By.linkText("Тоҷикӣ")));
        submit(browser.findElement(By.linkText("Рақамҳое, ки кор намекунанд")));

        assertTrue(browser.getCurrentUrl().endsWith("/desk/numbers"), browser.getCurrentUrl());
        java.util.List<WebElement> rows = browser.findElements(By.cssSelector("table.numbers tbody tr"));
        assertEquals(2, rows.size(), text());
        assertEquals("contact/RU/trafficking-hotline-227-ru", rows.get(0).getAttribute("id"));
        assertTrue(rows.get(0).getText().contains("227-07-07-07 (3) 3 3 KZ (1), RU (2)"), rows.get(0).getText());
        assertTrue(text().contains("Тамосҳое, ки дар бораашон хабар доданд: 2; хабарҳо: 4."), text());
        screenshot("numbers-tg");
    }
}

package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.testing.FakeClock;

/** The desk page: password, listing by topic and country, escaping, answering. */
class DeskTest {
    private static final String DEVICE = TestServer.token(5);
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]+)\"");

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TestServer server;

    /** The inbox's database for one test: a SQLite file here, a PostgreSQL database in PostgresDeskTest. */
    String database() throws Exception {
        return TestServer.sqlite(temp);
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock, ReferenceServer.Limits.standard(), Optional.empty(), 0, database());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String ask(String key, String topic, String country, String message) throws Exception {
        HttpResponse<String> response = server.post(DEVICE, key, "{\"topic\":\"" + topic + "\",\"country\":\""
                + country + "\",\"language\":\"ru\",\"message\":\"" + message + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return QuestionCodec.readReceipt(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow().id();
    }

    private HttpResponse<String> page() throws Exception {
        return server.send(server.request("desk").header("Authorization",
                TestServer.deskAuthorization(TestServer.DESK_PASSWORD)).GET());
    }

    private HttpResponse<String> answer(String form, Optional<String> origin) throws Exception {
        HttpRequest.Builder request = server.request("desk/answer")
                .header("Authorization", TestServer.deskAuthorization(TestServer.DESK_PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        origin.ifPresent(o -> request.header("Origin", o));
        return server.send(request);
    }

    private static String formToken(String page) {
        Matcher matcher = FORM_TOKEN.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theDeskNeedsItsPassword() throws Exception {
        HttpResponse<String> none = server.send(server.request("desk").GET());
        HttpResponse<String> wrong = server.send(server.request("desk")
                .header("Authorization", TestServer.deskAuthorization("guess")).GET());

        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic "));
        assertEquals(401, wrong.statusCode());
        assertEquals(200, page().statusCode());
    }

    @Test
    void guessingThePasswordIsSlowedDown() throws Exception {
        int status = 0;
        for (int i = 0; i < 11; i++) {
            status = server.send(server.request("desk")
                    .header("Authorization", TestServer.deskAuthorization("guess-" + i)).GET()).statusCode();
        }
        assertEquals(429, status);
    }

    @Test
    void afterTheLimitEvenTheRightPasswordIsRefusedUntilTheLockoutEnds() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, server.send(server.request("desk")
                    .header("Authorization", TestServer.deskAuthorization("guess-" + i)).GET()).statusCode());
        }

        HttpResponse<String> locked = page();
        assertEquals(429, locked.statusCode(), locked.body());
        assertFalse(locked.body().contains("open question"), locked.body());
        assertTrue(Integer.parseInt(locked.headers().firstValue("Retry-After").orElseThrow()) >= 1);

        clock.advance(java.time.Duration.ofSeconds(30));
        assertEquals(429, page().statusCode(), "still locked half-way through");
        clock.advance(java.time.Duration.ofSeconds(31));
        assertEquals(200, page().statusCode(), "the lockout has ended");
    }

    @Test
    void anotherUserNameWithTheRightPasswordIsRefused() throws Exception {
        String other = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + TestServer.DESK_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(401, server.send(server.request("desk").header("Authorization", other).GET()).statusCode());
    }

    @Test
    void twoOperatorsClaimingTheSameQuestionAtOnceOneGetsIt() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(ask("c" + i, "work-and-pay", "RU", "Работодатель не платит зарплату, вопрос " + i + "."));
        }
        InboxStore inbox = server.server.inbox();
        java.util.concurrent.ExecutorService operators = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (String id : ids) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var aziz = operators.submit(() -> {
                    together.await();
                    return inbox.claimQuestion(id, "aziz", clock.instant());
                });
                var malika = operators.submit(() -> {
                    together.await();
                    return inbox.claimQuestion(id, "malika", clock.instant());
                });
                InboxStore.DeskClaim first = aziz.get(30, java.util.concurrent.TimeUnit.SECONDS);
                InboxStore.DeskClaim second = malika.get(30, java.util.concurrent.TimeUnit.SECONDS);

                String winner = first instanceof InboxStore.DeskClaim.Held held ? held.operator()
                        : ((InboxStore.DeskClaim.Held) second).operator();
                InboxStore.DeskClaim loser = first instanceof InboxStore.DeskClaim.Held ? second : first;
                assertTrue(loser instanceof InboxStore.DeskClaim.HeldByAnother other
                        && other.operator().equals(winner), id + ": " + first + " / " + second);
            }
        } finally {
            operators.shutdownNow();
        }
    }

    @Test
    void aClaimLapsesAfterItsHoldAndAnAnsweredQuestionCannotBeClaimed() throws Exception {
        String id = ask("k1", "health", "RU", "Где найти врача в Москве?");
        InboxStore inbox = server.server.inbox();

        assertInstanceOf(InboxStore.DeskClaim.Held.class, inbox.claimQuestion(id, "aziz", clock.instant()));
        assertInstanceOf(InboxStore.DeskClaim.HeldByAnother.class, inbox.claimQuestion(id, "malika",
                clock.instant()));
        clock.advance(InboxStore.DESK_CLAIM_HOLD);
        assertInstanceOf(InboxStore.DeskClaim.Held.class, inbox.claimQuestion(id, "malika", clock.instant()));
        inbox.answer(id, "Обратитесь в поликлинику по месту жительства.", clock.instant());
        assertInstanceOf(InboxStore.DeskClaim.Answered.class, inbox.claimQuestion(id, "aziz", clock.instant()));
        assertInstanceOf(InboxStore.DeskClaim.Missing.class, inbox.claimQuestion("nope", "aziz", clock.instant()));
    }

    @Test
    void listsOpenQuestionsByTopicThenCountry() throws Exception {
        ask("k1", "health", "KZ", "Где найти врача в Алматы?");
        ask("k2", "documents", "RU", "Как продлить патент на работу?");
        ask("k3", "health", "RU", "Где найти врача в Москве?");

        String page = page().body();

        int documents = page.indexOf("<h2>Documents</h2>");
        int health = page.indexOf("<h2>Health</h2>");
        int kazakhstan = page.indexOf("<h3>KZ</h3>", health);
        int russia = page.indexOf("<h3>RU</h3>", health);
        assertTrue(documents >= 0 && documents < health, page);
        assertTrue(kazakhstan > health && russia > kazakhstan, page);
        assertTrue(page.indexOf("Алматы") > kazakhstan && page.indexOf("Москве") > russia, page);
        assertTrue(page.contains("3 open questions"), page);
        assertTrue(page.contains("?topic=health\">Health (2)</a>"), page);
    }

    @Test
    void filtersByTopicAndCountry() throws Exception {
        ask("k1", "health", "KZ", "Где найти врача в Алматы?");
        ask("k2", "documents", "RU", "Как продлить патент на работу?");

        String page = server.send(server.request("desk?country=KZ").header("Authorization",
                TestServer.deskAuthorization(TestServer.DESK_PASSWORD)).GET()).body();

        assertTrue(page.contains("Алматы"), page);
        assertFalse(page.contains("патент"), page);
    }

    @Test
    void everythingAPersonWroteIsEscaped() throws Exception {
        ask("k1", "family", "RU", "<script>alert('x')</script> & \\\"quoted\\\"");

        HttpResponse<String> response = page();

        assertFalse(response.body().contains("<script>"), response.body());
        assertTrue(response.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"),
                response.body());
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
    }

    @Test
    void anAnswerFromTheDeskReachesTheDevice() throws Exception {
        String id = ask("k1", "work-and-pay", "RU", "Работодатель не платит зарплату.");
        String token = formToken(page().body());

        HttpResponse<String> sent = answer("id=" + id + "&form=" + token + "&answer="
                + encode("Позвоните на горячую линию.\r\nВозьмите договор."), Optional.empty());

        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals(Optional.of("/desk"), sent.headers().firstValue("Location"));
        var list = QuestionCodec.readQuestionList(server.list(DEVICE).body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertEquals("Позвоните на горячую линию.\nВозьмите договор.", list.get(0).answer().orElseThrow().text());
        String after = page().body();
        assertTrue(after.contains("0 open questions"), after);
        assertTrue(after.contains("Answered recently"), after);
    }

    @Test
    void anAnswerWithoutTheDesksFormTokenOrFromAnotherSiteIsRefused() throws Exception {
        String id = ask("k1", "work-and-pay", "RU", "Работодатель не платит зарплату.");
        String token = formToken(page().body());

        assertEquals(403, answer("id=" + id + "&answer=yes", Optional.empty()).statusCode());
        assertEquals(403, answer("id=" + id + "&form=wrong&answer=yes", Optional.empty()).statusCode());
        assertEquals(403, answer("id=" + id + "&form=" + token + "&answer=yes",
                Optional.of("https://evil.example")).statusCode());
        assertEquals(0, server.server.inbox().recentlyAnswered(10).size());
    }

    @Test
    void anEmptyAnswerIsRefusedWithAMessage() throws Exception {
        String id = ask("k1", "work-and-pay", "RU", "Работодатель не платит зарплату.");
        String token = formToken(page().body());

        HttpResponse<String> response = answer("id=" + id + "&form=" + token + "&answer=%20%20", Optional.empty());

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Write an answer before sending."), response.body());
        assertEquals(0, server.server.inbox().recentlyAnswered(10).size());
    }
}

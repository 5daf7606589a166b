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

    private String session;

    private String session() throws Exception {
        if (session == null) {
            session = server.deskSession(TestServer.OPERATOR);
        }
        return session;
    }

    private HttpResponse<String> page() throws Exception {
        return server.send(server.request("desk").header("Cookie", session()).GET());
    }

    private HttpResponse<String> post(String path, String cookie, String form, Optional<String> origin)
            throws Exception {
        HttpRequest.Builder request = server.request(path).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        origin.ifPresent(o -> request.header("Origin", o));
        return server.send(request);
    }

    private HttpResponse<String> answer(String form, Optional<String> origin) throws Exception {
        return post("desk/answer", session(), form, origin);
    }

    private static String formToken(String page) {
        Matcher matcher = FORM_TOKEN.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    /** A row of the audit page: who, the action (its code; its words in the page's language), which question. */
    static void assertAuditRow(String page, String operator, String action, String questionId) {
        assertTrue(Pattern.compile("<td>" + Pattern.quote(operator) + "</td><td data-action=\"" + Pattern.quote(action)
                + "\">[^<]+</td><td>" + Pattern.quote(questionId) + (questionId.isEmpty() ? "" : "</td>"))
                .matcher(page).find(), operator + " " + action + " " + questionId + " in " + page);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void withoutASessionTheDeskSendsYouToLogIn() throws Exception {
        HttpResponse<String> none = server.send(server.request("desk").GET());
        HttpResponse<String> forged = server.send(server.request("desk")
                .header("Cookie", DeskHandler.SESSION_COOKIE + "=" + TestServer.token(1)).GET());

        assertEquals(303, none.statusCode());
        assertEquals(Optional.of("/desk/login"), none.headers().firstValue("Location"));
        assertEquals(303, forged.statusCode());
        assertEquals(401, server.deskLogin(TestServer.OPERATOR, "guess-1234567").statusCode());
        assertEquals(200, page().statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindTls() throws Exception {
        String plain = server.deskLogin(TestServer.OPERATOR, TestServer.DESK_PASSWORD).headers()
                .firstValue("Set-Cookie").orElseThrow();

        assertTrue(plain.contains("; HttpOnly") && plain.contains("; SameSite=Strict"), plain);
        assertFalse(plain.contains("Secure"), plain);
        HttpResponse<String> form = server.send(server.request("desk/login").header("X-Forwarded-Proto", "https")
                .GET());
        assertTrue(form.headers().firstValue("Set-Cookie").orElseThrow().endsWith("; Secure"));
    }

    @Test
    void aLoginWithoutTheLoginFormsTokenIsRefused() throws Exception {
        HttpResponse<String> forged = server.send(server.request("desk/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=aziz&password=" + TestServer.DESK_PASSWORD)));

        assertEquals(403, forged.statusCode());
    }

    @Test
    void afterTheLimitEvenTheRightPasswordIsRefusedUntilTheLockoutEnds() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(401, server.deskLogin(TestServer.OPERATOR, "guess-number-" + i).statusCode());
        }

        HttpResponse<String> locked = server.deskLogin(TestServer.OPERATOR, TestServer.DESK_PASSWORD);
        assertEquals(429, locked.statusCode(), locked.body());
        assertEquals("900", locked.headers().firstValue("Retry-After").orElseThrow(), "the name's 15 minutes");

        clock.advance(java.time.Duration.ofMinutes(2));
        HttpResponse<String> stillLocked = server.deskLogin(TestServer.OPERATOR, TestServer.DESK_PASSWORD);
        assertEquals(429, stillLocked.statusCode(), "the name stays locked out (the address limit has refilled)");
        clock.advance(java.time.Duration.ofMinutes(14));
        assertEquals(303, server.deskLogin(TestServer.OPERATOR, TestServer.DESK_PASSWORD).statusCode(),
                "the lockout has ended");
    }

    @Test
    void theLockoutIsInTheDatabaseSoAnotherNodeRefusesToo() throws Exception {
        for (int i = 0; i < 10; i++) {
            server.deskLogin(TestServer.OPERATOR, "guess-number-" + i);
        }
        try (TestServer otherNode = TestServer.start(clock, ReferenceServer.Limits.standard(), Optional.empty(), 0,
                server.jdbcUrl)) {
            assertEquals(429, otherNode.deskLogin(TestServer.OPERATOR, TestServer.DESK_PASSWORD).statusCode());
        }
    }

    @Test
    void anUnknownOperatorIsRefusedLikeAWrongPassword() throws Exception {
        HttpResponse<String> response = server.deskLogin("admin", TestServer.DESK_PASSWORD);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Wrong name or password."), response.body());
    }

    @Test
    void theAuditLogShowsWhoClaimedAndAnsweredWhatAndOnlyToSupervisors() throws Exception {
        String id = ask("k1", "work-and-pay", "RU", "Работодатель не платит зарплату.");
        String token = formToken(page().body());
        assertEquals(303, post("desk/claim", session(), "id=" + id + "&form=" + token, Optional.empty())
                .statusCode());
        String supervisor = server.deskSession(TestServer.SUPERVISOR);
        String supervisorsPage = server.send(server.request("desk").header("Cookie", supervisor).GET()).body();
        assertTrue(supervisorsPage.contains("claimed by <strong>aziz</strong>"), supervisorsPage);
        assertEquals(409, post("desk/answer", supervisor, "id=" + id + "&form=" + formToken(supervisorsPage)
                + "&answer=" + encode("Позвоните на горячую линию."), Optional.empty()).statusCode(),
                "aziz holds it");
        assertEquals(303, answer("id=" + id + "&form=" + token + "&answer=" + encode("Позвоните на горячую линию."),
                Optional.empty()).statusCode());

        HttpResponse<String> audit = server.send(server.request("desk/audit").header("Cookie", supervisor).GET());
        assertEquals(200, audit.statusCode());
        for (String[] row : new String[][] {{"aziz", "login", ""}, {"aziz", "claim", id}, {"aziz", "answer", id},
                {"malika", "read-queue", ""}}) {
            assertAuditRow(audit.body(), row[0], row[1], row[2]);
        }
        assertEquals(403, server.send(server.request("desk/audit").header("Cookie", session()).GET()).statusCode());
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

        String page = server.send(server.request("desk?country=KZ").header("Cookie", session()).GET()).body();

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

    // ---- answer templates (issue 20) ----

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return server.send(server.request(path).header("Cookie", cookie).GET());
    }

    private static String templateId(String page, String title) {
        Matcher matcher = Pattern.compile("<option value=\"([A-Za-z0-9_-]{22})\">" + Pattern.quote(title)
                + "</option>").matcher(page);
        assertTrue(matcher.find(), title + " in " + page);
        return matcher.group(1);
    }

    @Test
    void aSupervisorsTemplateFillsAnOperatorsAnswerForQuestionsOfItsTopicOnly() throws Exception {
        String documents = ask("k1", "documents", "RU", "Я потерял паспорт.");
        String pay = ask("k2", "work-and-pay", "RU", "Работодатель не платит зарплату.");
        String supervisor = server.deskSession(TestServer.SUPERVISOR);
        String csrf = formToken(get("desk/templates", supervisor).body());
        assertEquals(303, post("desk/template", supervisor, "form=" + csrf + "&topic=documents&title="
                + encode("Паспорт утерян") + "&body=" + encode("Обратитесь в посольство <сразу>."), Optional.empty())
                .statusCode());

        String queue = page().body();
        String template = templateId(queue, "Паспорт утерян");
        assertEquals(1, queue.split("Fill the answer", -1).length - 1, "offered for the documents question only");
        String token = formToken(queue);
        HttpResponse<String> filled = post("desk/fill", session(), "id=" + documents + "&form=" + token
                + "&template=" + template, Optional.empty());
        assertEquals(200, filled.statusCode());
        assertTrue(filled.body().contains(">Обратитесь в посольство &lt;сразу&gt;.</textarea>"), filled.body());
        assertTrue(filled.body().contains("Я потерял паспорт."), filled.body());
        assertEquals(400, post("desk/fill", session(), "id=" + pay + "&form=" + token + "&template=" + template,
                Optional.empty()).statusCode(), "a documents template is not for a pay question");
        assertEquals(0, server.server.inbox().recentlyAnswered(10).size(), "filling sends nothing");

        assertEquals(303, post("desk/template", supervisor, "form=" + csrf + "&template=" + template
                + "&topic=documents&title=" + encode("Паспорт утерян") + "&body=" + encode("Позвоните в посольство."),
                Optional.empty()).statusCode());
        assertEquals(1, server.server.inbox().desk().templates().size(), "edited in place");
        assertTrue(post("desk/fill", session(), "id=" + documents + "&form=" + token + "&template=" + template,
                Optional.empty()).body().contains(">Позвоните в посольство.</textarea>"));

        String audit = get("desk/audit", supervisor).body();
        assertAuditRow(audit, "malika", "template-add", "");
        assertAuditRow(audit, "malika", "template-edit", "");
        assertAuditRow(audit, "aziz", "fill-template", documents);
    }

    @Test
    void onlySupervisorsWriteTemplatesAndEveryTemplateFormNeedsTheDesksToken() throws Exception {
        String supervisor = server.deskSession(TestServer.SUPERVISOR);
        String operatorsToken = formToken(page().body());

        assertEquals(403, get("desk/templates", session()).statusCode());
        assertEquals(403, post("desk/template", session(), "form=" + operatorsToken + "&topic=documents&title=t&body=b",
                Optional.empty()).statusCode());
        assertEquals(403, post("desk/template", supervisor, "form=wrong&topic=documents&title=t&body=b",
                Optional.empty()).statusCode());
        String csrf = formToken(get("desk/templates", supervisor).body());
        HttpResponse<String> empty = post("desk/template", supervisor, "form=" + csrf + "&topic=documents&title=t"
                + "&body=%20", Optional.empty());
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Write the template&#39;s text."), empty.body());
        assertEquals(0, server.server.inbox().desk().templates().size());
    }

    // ---- "answered in N days" (issue 20) ----

    @Test
    void theQueueShowsPerTopicTheMedianAndNinetiethPercentileDaysToAnswerOverTheLast30Days() throws Exception {
        InboxStore inbox = server.server.inbox();
        String old = ask("k0", "work-and-pay", "RU", "Работодатель не платит зарплату.");
        clock.advance(java.time.Duration.ofHours(12));
        inbox.answer(old, "Позвоните на горячую линию.", clock.instant());
        clock.advance(java.time.Duration.ofDays(31));
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(ask("k" + i, "documents", "RU", "Я потерял паспорт, вопрос " + i + "."));
        }
        for (int days : new int[] {1, 1, 1, 7}) { // answered after 1, 2, 3 and 10 days
            clock.advance(java.time.Duration.ofDays(days));
            inbox.answer(ids.remove(0), "Обратитесь в посольство.", clock.instant());
        }

        assertEquals(java.util.List.of(new InboxStore.AnswerTimes(tj.migrantsguide.questions.Topic.DOCUMENTS, 4,
                java.time.Duration.ofDays(2), java.time.Duration.ofDays(10))), inbox.answerTimes(clock.instant()),
                "nearest rank: the 2nd of 4 and the 4th of 4; the pay answer is older than 30 days");
        String page = page().body();
        assertTrue(page.contains("<tr><td>Documents</td><td>4</td><td>2.0</td><td>10.0</td></tr>"), page);
        assertFalse(page.contains("<tr><td>Work and pay</td>"), page);
    }

    // ---- abusive tokens (issue 20) ----

    @Test
    void aSupervisorMarksASenderAbusiveSoItsNewQuestionsAreRefusedInWordsUntilUndone() throws Exception {
        String id = ask("k1", "work-and-pay", "RU", "Спам спам спам спам спам.");
        String other = TestServer.token(6);
        String supervisor = server.deskSession(TestServer.SUPERVISOR);
        String csrf = formToken(get("desk", supervisor).body());
        assertFalse(page().body().contains("Mark the sender as abusive"), "operators do not see it");
        assertEquals(403, post("desk/abusive", session(), "id=" + id + "&form=" + formToken(page().body()),
                Optional.empty()).statusCode(), "an operator may not mark");
        assertEquals(403, post("desk/abusive", supervisor, "id=" + id + "&form=wrong", Optional.empty())
                .statusCode());

        assertEquals(303, post("desk/abusive", supervisor, "id=" + id + "&form=" + csrf, Optional.empty())
                .statusCode());

        HttpResponse<String> refused = server.post(DEVICE, "k2", "{\"topic\":\"documents\",\"country\":\"RU\","
                + "\"language\":\"ru\",\"message\":\"Ещё один вопрос от меня.\"}");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("\"error\":\"device_blocked\""), refused.body());
        assertTrue(refused.body().contains("перестало принимать вопросы с этого устройства"),
                "in the question's language: " + refused.body());
        assertEquals(1, server.server.inbox().questionCount(), "nothing stored");
        assertEquals(201, server.post(other, "k1", "{\"topic\":\"documents\",\"country\":\"RU\","
                + "\"language\":\"ru\",\"message\":\"Я потерял паспорт.\"}").statusCode(), "other devices ask");
        String marks = get("desk/abusive", supervisor).body();
        assertTrue(marks.contains("<td>" + id + "</td><td>malika</td>"), marks);

        assertEquals(303, post("desk/abusive-undo", supervisor, "id=" + id + "&form=" + csrf, Optional.empty())
                .statusCode());
        assertEquals(201, server.post(DEVICE, "k2", "{\"topic\":\"documents\",\"country\":\"RU\","
                + "\"language\":\"ru\",\"message\":\"Ещё один вопрос от меня.\"}").statusCode());
        assertEquals(404, post("desk/abusive-undo", supervisor, "id=" + id + "&form=" + csrf, Optional.empty())
                .statusCode(), "nothing left to undo");
        String audit = get("desk/audit", supervisor).body();
        assertAuditRow(audit, "malika", "mark-abusive", id);
        assertAuditRow(audit, "malika", "unmark-abusive", id);
    }

    // ---- the desk in Tajik, Russian and English (issue 20) ----

    @Test
    void theLanguageSwitchSetsACookieAndTheDeskSpeaksTajikOrRussian() throws Exception {
        ask("k1", "documents", "RU", "Я потерял паспорт.");
        HttpResponse<String> switched = server.send(server.request("desk/language?to=tg").GET());
        assertEquals(303, switched.statusCode());
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(DeskHandler.LANGUAGE_COOKIE + "=tg;"), cookie);

        String tajik = server.send(server.request("desk").header("Cookie", session() + "; "
                + DeskHandler.LANGUAGE_COOKIE + "=tg").GET()).body();
        assertTrue(tajik.contains("<html lang=\"tg\">"), tajik);
        assertTrue(tajik.contains("Саволҳои бепосух: 1."), tajik);
        assertTrue(tajik.contains("<h2>Ҳуҷҷатҳо</h2>") && tajik.contains(">Ҷавобро фиристодан</button>"), tajik);
        String russian = server.send(server.request("desk/login").header("Cookie", DeskHandler.LANGUAGE_COOKIE
                + "=ru").GET()).body();
        assertTrue(russian.contains(">Пароль<br>") && russian.contains(">Войти</button>"), russian);
        assertTrue(page().body().contains("1 open questions."), "English without the cookie");
    }
}

package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.testing.FakeClock;

/**
 * The desk's words: every key in Tajik, Russian and English; Tajik in its own letters; every desk page and refusal,
 * rendered by the real server in Tajik, without English words left from en.properties.
 */
class DeskTextTest {
    @Test
    void everyKeyOfTheDeskExistsInAllThreeLanguages() {
        Set<String> english = DeskText.keys(DeskText.Language.EN);
        assertTrue(english.size() > 30, english.toString());
        for (DeskText.Language language : DeskText.Language.values()) {
            assertEquals(english, DeskText.keys(language), language + " against en");
            for (String key : english) {
                assertFalse(DeskText.of(language).get(key).isBlank(), language + " " + key);
                String en = DeskText.of(DeskText.Language.EN).get(key);
                if (language != DeskText.Language.EN && en.matches(".*[A-Za-z]{2,}.*")) {
                    assertFalse(DeskText.of(language).get(key).equals(en), language + " " + key + " is English");
                }
            }
            for (Topic topic : Topic.values()) {
                assertFalse(DeskText.of(language).topic(topic).isBlank());
            }
        }
    }

    @Test
    void tajikUsesItsOwnLettersAndTheGlossarysTerms() {
        StringBuilder all = new StringBuilder();
        for (String key : DeskText.keys(DeskText.Language.TG)) {
            all.append(DeskText.of(DeskText.Language.TG).get(key)).append('\n');
        }
        String tajik = all.toString();
        assertFalse(tajik.matches("(?s).*[ўњљќїѓ].*"), "old-font or Russian stand-ins: " + tajik);
        assertFalse(tajik.matches("(?s).*(\\p{IsCyrillic}[A-Za-z]|[A-Za-z]\\p{IsCyrillic}).*"), "Latin inside words");
        assertTrue(tajik.contains("муҳоҷири меҳнатӣ") && tajik.contains("Вазорати меҳнат, муҳоҷират ва шуғли аҳолӣ"));
        for (char letter : "ғӣқӯҳҷ".toCharArray()) {
            assertTrue(tajik.indexOf(letter) >= 0, "uses " + letter);
        }
    }

    // ---- every desk page in Tajik (issue 20) ----

    @TempDir
    Path temp;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyDeskPageAndRefusalInTajikLeavesNoEnglishFromEnProperties() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
        server = TestServer.start(clock, ReferenceServer.Limits.standard(), Optional.empty(), 0,
                TestServer.sqlite(temp));
        Map<String, String> pages = new LinkedHashMap<>();
        String tg = DeskHandler.LANGUAGE_COOKIE + "=tg";
        String answered = ask(1, "k0", "documents", "Я потерял паспорт, что делать?");
        clock.advance(Duration.ofDays(2));
        server.server.inbox().answer(answered, "Обратитесь в посольство.", clock.instant());
        String open = ask(1, "k1", "documents", "Где продлить патент?");
        String claimed = ask(1, "k2", "work-and-pay", "Работодатель не платит зарплату.");
        String spam = ask(2, "k3", "health", "Спам спам спам спам спам.");

        pages.put("login", get("desk/login", tg).body());
        pages.put("login, wrong password", server.send(loginRequest("nobody", "wrong-password-1", tg)).body());
        String operator = server.deskSession(TestServer.OPERATOR) + "; " + tg;
        String supervisor = server.deskSession(TestServer.SUPERVISOR) + "; " + tg;
        String csrf = formToken(get("desk", supervisor).body());
        String operatorsCsrf = formToken(get("desk", operator).body());
        assertEquals(303, post("desk/claim", operator, "id=" + claimed + "&form=" + operatorsCsrf).statusCode());
        pages.put("templates, missing text", post("desk/template", supervisor, "form=" + csrf
                + "&topic=documents&title=t&body=%20").body());
        pages.put("templates, no topic", post("desk/template", supervisor, "form=" + csrf + "&title=t&body=b").body());
        pages.put("templates, title too long", post("desk/template", supervisor, "form=" + csrf
                + "&topic=documents&title=" + "x".repeat(101) + "&body=b").body());
        assertEquals(303, post("desk/template", supervisor, "form=" + csrf + "&topic=documents&title="
                + encode("Паспорт") + "&body=" + encode("Обратитесь в посольство.")).statusCode());
        String template = server.server.inbox().desk().templates().get(0).id();
        pages.put("templates", get("desk/templates", supervisor).body());
        pages.put("fill", post("desk/fill", operator, "id=" + open + "&form=" + operatorsCsrf + "&template="
                + template).body());
        pages.put("fill, other topic", post("desk/fill", operator, "id=" + claimed + "&form=" + operatorsCsrf
                + "&template=" + template).body());
        pages.put("fill, no question", post("desk/fill", operator, "id=nope&form=" + operatorsCsrf + "&template="
                + template).body());
        pages.put("claim, held by another", post("desk/claim", supervisor, "id=" + claimed + "&form=" + csrf).body());
        pages.put("claim, answered", post("desk/claim", supervisor, "id=" + answered + "&form=" + csrf).body());
        pages.put("answer, held by another", post("desk/answer", supervisor, "id=" + claimed + "&form=" + csrf
                + "&answer=" + encode("Позвоните.")).body());
        pages.put("answer, empty", post("desk/answer", operator, "id=" + open + "&form=" + operatorsCsrf
                + "&answer=%20").body());
        pages.put("answer, too long", post("desk/answer", operator, "id=" + open + "&form=" + operatorsCsrf
                + "&answer=" + "a".repeat(tj.migrantsguide.questions.QuestionLimits.ANSWER_MAX + 1)).body());
        pages.put("answer, no question", post("desk/answer", operator, "id=nope&form=" + operatorsCsrf
                + "&answer=" + encode("Позвоните.")).body());
        assertEquals(303, post("desk/abusive", supervisor, "id=" + spam + "&form=" + csrf).statusCode());
        pages.put("abusive", get("desk/abusive", supervisor).body());
        pages.put("abusive, no question", post("desk/abusive", supervisor, "id=nope&form=" + csrf).body());
        pages.put("abusive, not marked", post("desk/abusive-undo", supervisor, "id=" + open + "&form=" + csrf).body());
        pages.put("queue (supervisor)", get("desk", supervisor).body());
        pages.put("queue (operator, a page of one)", get("desk?size=1", operator).body());
        pages.put("audit", get("desk/audit", supervisor).body());
        assertEquals(201, server.post(TestServer.token(3), "k5", "{\"topic\":\"report-a-problem\",\"country\":"
                + "\"RU\",\"language\":\"tg\",\"message\":\"Рақами 227-07-07-07 кор намекунад.\","
                + "\"about\":\"contact/RU/trafficking-hotline-227-ru\",\"number\":\"227-07-07-07\"}").statusCode());
        pages.put("numbers that do not work", get("desk/numbers", operator).body());
        pages.put("refused: CSRF", post("desk/answer", operator, "id=" + open + "&form=wrong&answer=x").body());
        pages.put("refused: origin", server.send(server.request("desk/answer").header("Cookie", operator)
                .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + open + "&form=" + operatorsCsrf))).body());
        pages.put("refused: not logged in", post("desk/answer", tg, "id=" + open).body());
        pages.put("refused: not found", get("desk/nothing-here", operator).body());
        pages.put("refused: method", server.send(server.request("desk/audit").header("Cookie", operator)
                .method("PUT", HttpRequest.BodyPublishers.noBody())).body());
        pages.put("refused: audit for supervisors", get("desk/audit", operator).body());
        pages.put("refused: templates for supervisors", get("desk/templates", operator).body());
        pages.put("refused: abusive for supervisors", get("desk/abusive", operator).body());
        pages.put("refused: login form out of date", server.send(server.request("desk/login").header("Cookie", tg)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=aziz&password=x"))).body());
        HttpResponse<String> blocked = server.post(TestServer.token(2), "k4", "{\"topic\":\"health\",\"country\":"
                + "\"RU\",\"language\":\"tg\",\"message\":\"Саволи дигар аз ман.\"}");
        assertEquals(403, blocked.statusCode());
        pages.put("device_blocked (to the app)", blocked.body());
        for (int i = 2; i <= 10; i++) {
            server.send(loginRequest("nobody", "wrong-password-" + i, tg));
        }
        HttpResponse<String> locked = server.send(loginRequest(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD, tg));
        assertEquals(429, locked.statusCode());
        pages.put("login, locked out", locked.body());

        Map<String, String> english = new LinkedHashMap<>();
        for (String key : DeskText.keys(DeskText.Language.EN)) {
            String en = DeskText.of(DeskText.Language.EN).get(key);
            if (!en.equals(DeskText.of(DeskText.Language.TG).get(key))) {
                english.put(key, en);
            }
        }
        List<String> left = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String words = visibleWords(page.getValue());
            assertTrue(words.matches("(?s).*\\p{IsCyrillic}.*"), page.getKey() + ": " + words);
            for (Map.Entry<String, String> en : english.entrySet()) {
                for (String piece : en.getValue().split("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z]")) {
                    String trimmed = piece.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
                    if (trimmed.matches(".*[A-Za-z]{2,}.*") && Pattern.compile("(?<![A-Za-z])" + Pattern.quote(trimmed)
                            + "(?![A-Za-z])").matcher(words).find()) {
                        left.add(page.getKey() + ": " + en.getKey() + " \"" + trimmed + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), left, "English left in Tajik pages");
        // And no Latin words at all but the operators' names, the test's made-up id and the country's code: English written straight into
        // the handler's HTML is not in en.properties.
        List<String> latin = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Matcher word = Pattern.compile("[A-Za-z]{2,}").matcher(visibleWords(page.getValue()));
            while (word.find()) {
                if (!Set.of("aziz", "malika", "nobody", "nope", "RU").contains(word.group())) {
                    latin.add(page.getKey() + ": " + word.group());
                }
            }
        }
        assertEquals(List.of(), latin, "Latin words in Tajik pages");
    }

    /**
     * What a reader sees and hears: text and aria-labels, without markup, without what is marked as another
     * language (the language switch names each language in itself), without ids (random letters).
     */
    private static String visibleWords(String html) {
        // <code> holds the guide's ids and file paths an editor searches for: names, not words to translate.
        String text = html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<code>.*?</code>", " ")
                .replaceAll("(?s)<a [^>]*lang=\"(?!tg)[a-z]+\"[^>]*>.*?</a>", " ")
                .replaceAll("aria-label=\"([^\"]*)\"", "> $1 <")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
        return text.replaceAll("[A-Za-z0-9_-]{22,}", " ").replaceAll("\"(error|message)\"", " ")
                .replace("device_blocked", " ").replace("UTC", " ");
    }

    private String ask(int device, String key, String topic, String message) throws Exception {
        HttpResponse<String> response = server.post(TestServer.token(device), key, "{\"topic\":\"" + topic
                + "\",\"country\":\"RU\",\"language\":\"ru\",\"message\":\"" + message + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return QuestionCodec.readReceipt(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow().id();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return server.send(server.request(path).header("Cookie", cookie).GET());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        return server.send(server.request(path).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder loginRequest(String name, String password, String cookie) throws Exception {
        HttpResponse<String> form = get("desk/login", cookie);
        String pair = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return server.request("desk/login").header("Cookie", pair + "; " + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("form=" + formToken(form.body()) + "&name=" + name
                        + "&password=" + encode(password)));
    }

    private static String formToken(String page) {
        Matcher matcher = Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

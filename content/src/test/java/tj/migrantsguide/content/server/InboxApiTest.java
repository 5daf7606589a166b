package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.testing.FakeClock;

/** The questions API over real HTTP, with the real SQLite inbox. */
class InboxApiTest {
    private static final String A = TestServer.token(1);
    private static final String B = TestServer.token(2);
    private static final String KEY = "3f1c2a3e-2a7b-4f61-9a1c-5d0c8e7b9a10";
    private static final String BODY = "{\"topic\":\"registration\",\"country\":\"RU\",\"language\":\"tg\","
            + "\"message\":\"Бақайдгирӣ дар куҷо мешавад?\"}";
    /** A "this number does not work" report as the app sends it. */
    private static final String REPORT = "{\"topic\":\"report-a-problem\",\"country\":\"RU\",\"language\":\"ru\","
            + "\"message\":\"Номер 227-07-07-07 не работает.\",\"about\":\"contact/RU/trafficking-hotline-227-ru\","
            + "\"number\":\"227-07-07-07\"}";

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TestServer server;

    /** The inbox's database for one test: a SQLite file here, a PostgreSQL database in PostgresInboxApiTest. */
    String database() throws Exception {
        return TestServer.sqlite(temp);
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock, ReferenceServer.Limits.none(), Optional.empty(), 0, database());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSameKeyAndBodyTwiceStoresOneQuestionAndAnswersTheSame() throws Exception {
        HttpResponse<String> first = server.post(A, KEY, BODY);
        HttpResponse<String> second = server.post(A, "\"" + KEY + "\"", BODY);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, second.statusCode());
        assertEquals(first.body(), second.body());
        assertEquals(Optional.of("true"), second.headers().firstValue("Idempotent-Replayed"));
        assertEquals(Optional.empty(), first.headers().firstValue("Idempotent-Replayed"));
        assertTrue(QuestionCodec.readReceipt(first.body().getBytes(StandardCharsets.UTF_8)).isPresent());
        assertEquals(1, server.questions());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422() throws Exception {
        server.post(A, KEY, BODY);

        HttpResponse<String> reused = server.post(A, KEY, BODY.replace("куҷо", "кай"));

        assertEquals(422, reused.statusCode());
        assertTrue(reused.body().contains("\"error\":\"idempotency_key_reused\""), reused.body());
        assertEquals(1, server.questions());
    }

    @Test
    void theSameKeyFromAnotherDeviceIsAnotherQuestion() throws Exception {
        assertEquals(201, server.post(A, KEY, BODY).statusCode());
        assertEquals(201, server.post(B, KEY, BODY).statusCode());

        assertEquals(2, server.questions());
    }

    @Test
    void aRequestStillInFlightWithTheSameKeyGets409UntilItsLeaseRunsOut() throws Exception {
        // Another worker has claimed the key and not finished (or died while processing it).
        InboxStore.Claim claim = server.server.inbox().claim(InboxHandler.sha256(A.getBytes(StandardCharsets.US_ASCII)),
                KEY, InboxHandler.sha256(BODY.getBytes(StandardCharsets.UTF_8)), clock.instant());
        assertInstanceOf(InboxStore.Claim.Claimed.class, claim);

        HttpResponse<String> inFlight = server.post(A, KEY, BODY);
        assertEquals(409, inFlight.statusCode());
        assertEquals(Optional.of("1"), inFlight.headers().firstValue("Retry-After"));
        assertEquals(0, server.questions());

        clock.advance(InboxStore.CLAIM_LEASE.plusSeconds(1));
        HttpResponse<String> takenOver = server.post(A, KEY, BODY);
        assertEquals(201, takenOver.statusCode());
        assertEquals(1, server.questions());
    }

    static Stream<Arguments> badRequests() {
        String json = "application/json";
        return Stream.of(
                bad("no token", 401, "unauthorized", r -> r.header("Content-Type", json).header("Idempotency-Key", KEY)
                        .POST(body(BODY))),
                bad("a token of the wrong form", 401, "unauthorized", r -> r.header("Authorization", "Bearer abc")
                        .header("Content-Type", json).header("Idempotency-Key", KEY).POST(body(BODY))),
                bad("a phone number as token", 401, "unauthorized", r -> r.header("Authorization",
                        "Bearer +992000000000").header("Content-Type", json).header("Idempotency-Key", KEY)
                        .POST(body(BODY))),
                bad("plain text", 415, "unsupported_media_type", r -> token(r).header("Idempotency-Key", KEY)
                        .header("Content-Type", "text/plain").POST(body(BODY))),
                bad("JSON in Latin-1", 415, "unsupported_media_type", r -> token(r).header("Idempotency-Key", KEY)
                        .header("Content-Type", "application/json; charset=ISO-8859-1").POST(body(BODY))),
                bad("no content type", 415, "unsupported_media_type", r -> token(r).header("Idempotency-Key", KEY)
                        .POST(body(BODY))),
                bad("a body over 16 KiB", 413, "body_too_large", r -> json(r).POST(
                        body("{\"message\":\"" + "x".repeat(16 * 1024) + "\"}"))),
                bad("no idempotency key", 400, "missing_idempotency_key", r -> token(r).header("Content-Type", json)
                        .POST(body(BODY))),
                bad("an idempotency key with spaces", 400, "invalid_idempotency_key", r -> token(r)
                        .header("Content-Type", json).header("Idempotency-Key", "a b").POST(body(BODY))),
                bad("bytes that are not UTF-8", 400, "not_utf8", r -> json(r).POST(HttpRequest.BodyPublishers
                        .ofByteArray(new byte[] {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"',
                                (byte) 0xFF, '"', '}'}))),
                bad("broken JSON", 400, "malformed_json", r -> json(r).POST(body("{\"topic\":"))),
                bad("two JSON values", 400, "malformed_json", r -> json(r).POST(body(BODY + BODY))),
                bad("an array", 400, "not_an_object", r -> json(r).POST(body("[" + BODY + "]"))),
                bad("an unknown field", 400, "unknown_field", r -> json(r).POST(body(BODY.replace("}",
                        ",\"priority\":\"high\"}")))),
                bad("a number for the message", 400, "wrong_type", r -> json(r).POST(body(
                        "{\"topic\":\"health\",\"country\":\"RU\",\"language\":\"ru\",\"message\":1234567890123}"))),
                bad("a string for consent", 400, "wrong_type", r -> json(r).POST(body(BODY.replace("}",
                        ",\"contact\":\"name@example.org\",\"consent\":\"yes\"}")))),
                bad("a message too short", 400, "invalid_question", r -> json(r).POST(body(
                        BODY.replace("Бақайдгирӣ дар куҷо мешавад?", "Салом")))),
                bad("a control character", 400, "invalid_question", r -> json(r).POST(body(
                        BODY.replace("куҷо", "ку\\u0007ҷо")))),
                bad("an unknown topic", 400, "invalid_question", r -> json(r).POST(body(
                        BODY.replace("registration", "visa")))),
                bad("a contact without consent", 400, "invalid_question", r -> json(r).POST(body(BODY.replace("}",
                        ",\"contact\":\"name@example.org\"}")))),
                bad("an item of the guide on a question that is not a report", 400, "invalid_question",
                        r -> json(r).POST(body(BODY.replace("}", ",\"about\":\"contact/RU/trafficking-hotline-227-ru\"}")))),
                bad("a report about an ill-formed item", 400, "invalid_question", r -> json(r).POST(body(
                        REPORT.replace("contact/RU/", "contact/ru/")))),
                bad("a report about something other than a contact", 400, "invalid_question", r -> json(r).POST(body(
                        REPORT.replace("contact/RU/trafficking-hotline-227-ru", "article/RU/entry-russia")))),
                bad("a report about an item with an id of 65 characters", 400, "invalid_question", r -> json(r).POST(
                        body(REPORT.replace("trafficking-hotline-227-ru", "a".repeat(65))))),
                bad("a report whose item is not a string", 400, "wrong_type", r -> json(r).POST(body(
                        REPORT.replace("\"contact/RU/trafficking-hotline-227-ru\"", "[\"contact\",\"RU\"]")))),
                bad("a reported number that is not a number", 400, "invalid_question", r -> json(r).POST(body(
                        REPORT.replace("227-07-07-07\"}", "call me\"}")))),
                bad("a reported number without its item", 400, "invalid_question", r -> json(r).POST(body(
                        REPORT.replace("\"about\":\"contact/RU/trafficking-hotline-227-ru\",", "")))),
                bad("a method the API does not have", 405, "method_not_allowed", r -> json(r).PUT(body(BODY))));
    }

    private static Arguments bad(String what, int status, String error, UnaryOperator<HttpRequest.Builder> build) {
        return Arguments.of(what, status, error, build);
    }

    private static HttpRequest.Builder token(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + A);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request) {
        return token(request).header("Idempotency-Key", KEY).header("Content-Type", "application/json; charset=utf-8");
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsAClearClientErrorAndStoresNothing(String what, int status, String error,
            UnaryOperator<HttpRequest.Builder> build) throws Exception {
        HttpResponse<String> response = server.send(build.apply(server.request("v1/questions")));

        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"" + error + "\""), response.body());
        assertTrue(response.body().contains("\"message\":\""), response.body());
        assertEquals(Optional.of("application/json; charset=utf-8"), response.headers().firstValue("Content-Type"));
        assertEquals(0, server.rows("inbox_question"));
        assertEquals(0, server.rows("inbox_submission"), "not even the key is remembered");
    }

    @Test
    void aReportNamingItsItemIsStoredAndAnIllFormedItemIsExplainedByField() throws Exception {
        assertEquals(201, server.post(A, KEY, REPORT).statusCode());
        HttpResponse<String> refused = server.post(B, KEY, REPORT.replace("report-a-problem", "health"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("{\"field\":\"about\",\"problem\":\"unknown_value\""), refused.body());
        assertEquals(1, server.rows("inbox_question"));
    }

    @Test
    void anInvalidQuestionIsExplainedFieldByField() throws Exception {
        HttpResponse<String> response = server.post(A, KEY, "{\"topic\":\"\",\"country\":\"RU\",\"language\":\"ru\","
                + "\"message\":\"Помогите\"}");

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("{\"field\":\"topic\",\"problem\":\"missing\""), response.body());
        assertTrue(response.body().contains("{\"field\":\"message\",\"problem\":\"too_short\",\"message\":\"Write at "
                + "least 10 characters (now 8).\",\"minimum\":10,\"actual\":8}"), response.body());
    }

    @Test
    void eachDeviceHasItsOwnRateLimitAndIsToldWhenToComeBack() throws Exception {
        server.close();
        server = TestServer.start(temp, clock, ReferenceServer.Limits.of(2, Duration.ofMinutes(6), 30,
                Duration.ofSeconds(10)), Optional.empty());
        assertEquals(201, server.post(A, "k-1", BODY).statusCode());
        assertEquals(201, server.post(A, "k-2", BODY).statusCode());

        HttpResponse<String> limited = server.post(A, "k-3", BODY);

        assertEquals(429, limited.statusCode());
        assertEquals(Optional.of("360"), limited.headers().firstValue("Retry-After"));
        assertEquals(201, server.post(B, "k-3", BODY).statusCode(), "another device is not limited by A");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(201, server.post(A, "k-3", BODY).statusCode());
        assertEquals(4, server.questions());
    }

    @Test
    void aDeviceSeesOnlyItsOwnQuestionsAndCannotDeleteOthers() throws Exception {
        String idA = QuestionCodec.readReceipt(server.post(A, KEY, BODY).body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow().id();
        String idB = QuestionCodec.readReceipt(server.post(B, "other-key", BODY).body()
                .getBytes(StandardCharsets.UTF_8)).orElseThrow().id();
        server.server.inbox().answer(idA, "Ба идораи муҳоҷират равед.", clock.instant());

        List<QuestionCodec.RemoteQuestion> ofA = QuestionCodec.readQuestionList(
                server.list(A).body().getBytes(StandardCharsets.UTF_8)).orElseThrow();
        List<QuestionCodec.RemoteQuestion> ofB = QuestionCodec.readQuestionList(
                server.list(B).body().getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertEquals(List.of(idA), ofA.stream().map(QuestionCodec.RemoteQuestion::id).toList());
        assertEquals("Ба идораи муҳоҷират равед.", ofA.get(0).answer().orElseThrow().text());
        assertEquals(List.of(idB), ofB.stream().map(QuestionCodec.RemoteQuestion::id).toList());
        assertFalse(ofB.get(0).answer().isPresent());
        assertFalse(server.list(B).body().contains("муҳоҷират"));

        assertEquals(404, server.delete(B, idA).statusCode());
        assertEquals(2, server.questions());
        assertEquals(204, server.delete(A, idA).statusCode());
        assertEquals(404, server.delete(A, idA).statusCode());
        assertEquals("{\"questions\":[]}", server.list(A).body());
        assertEquals(1, server.questions());
    }

    @Test
    void readingAndDeletingNeedAToken() throws Exception {
        assertEquals(401, server.send(server.request("v1/questions").GET()).statusCode());
        assertEquals(401, server.send(server.request("v1/questions/abc").DELETE()).statusCode());
        assertEquals(404, server.send(server.request("v1/nothing").GET()).statusCode());
    }
}

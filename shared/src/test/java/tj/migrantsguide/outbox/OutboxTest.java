package tj.migrantsguide.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.ScriptedInbox.Reply;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.transport.HttpTransport;
import tj.migrantsguide.transport.JdkHttpTransport;
import tj.migrantsguide.testing.FakeClock;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.questions.FieldProblem;
import tj.migrantsguide.questions.QuestionField;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.questions.QuestionState;

/** The outbox against a real HTTP server that answers as each test scripts it, with a fake clock. */
class OutboxTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final String QUESTION = "Где сделать регистрацию по прибытии?";

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(START);
    private final HttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(5));
    private ScriptedInbox inbox;
    private QuestionStore store;

    @AfterEach
    void close() {
        if (inbox != null) {
            inbox.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private Outbox outbox() {
        return outbox(1);
    }

    private Outbox outbox(long seed) {
        if (store == null) {
            store = QuestionStore.open(temp.resolve("phone"));
        }
        return new Outbox(store, transport, clock, new NoJitterRandom(seed));
    }

    private ScriptedInbox inbox() throws IOException {
        inbox = new ScriptedInbox();
        return inbox;
    }

    private static MyQuestion save(Outbox outbox, URI server) {
        return assertInstanceOf(SaveResult.Saved.class, outbox.save(
                QuestionDraft.withoutContact(Topic.REGISTRATION, "RU", Language.RUSSIAN, QUESTION), server)).question();
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
    }

    private static String listing(String serverId, String key, Optional<String> answer) {
        return "{\"questions\":[{\"id\":\"" + serverId + "\",\"idempotencyKey\":\"" + key
                + "\",\"receivedAt\":\"2026-11-23T10:00:00Z\",\"state\":\"" + (answer.isPresent() ? "answered" : "open")
                + "\"" + answer.map(a -> ",\"answer\":{\"text\":\"" + a + "\",\"answeredAt\":\"2026-11-24T09:00:00Z\"}")
                .orElse("") + "}]}";
    }

    private String keyOf(long id) {
        return store.find(id).orElseThrow().idempotencyKey();
    }

    @Test
    void savesTheQuestionBeforeSendingAndKeepsItWhileOffline() throws IOException {
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, closedPort());
        assertEquals(QuestionState.WAITING, saved.state());
        assertEquals(0, saved.attempts());

        SendReport report = outbox.sendDue();

        assertEquals(0, report.sent());
        assertEquals(1, report.waiting());
        assertInstanceOf(OutboxProblem.Offline.class, report.problems().get(0));
        assertEquals(Optional.of(START.plusSeconds(30)), report.nextAttemptAt());
        store.close();
        store = null;
        MyQuestion afterRestart = outbox().questions().get(0);
        assertEquals(QuestionState.WAITING, afterRestart.state());
        assertEquals(QUESTION, afterRestart.message());
        assertEquals(1, afterRestart.attempts());
        assertEquals(Optional.of("no connection"), afterRestart.waitingBecause());
        assertEquals(Optional.of(START.plusSeconds(30)), afterRestart.nextAttemptAt());
    }

    @Test
    void everyRetryCarriesTheSameKeyAndTheSameBytes() throws IOException {
        inbox().then(Reply.of(503, "")).then(Reply.of(500, "")).then(Reply.created("q-1"));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());

        outbox.sendDue();
        clock.advance(Duration.ofSeconds(30));
        outbox.sendDue();
        clock.advance(Duration.ofSeconds(60));
        SendReport last = outbox.sendDue();

        assertEquals(1, last.sent());
        List<ScriptedInbox.Request> requests = inbox.requests();
        assertEquals(3, requests.size());
        String key = requests.get(0).header("Idempotency-Key");
        assertTrue(key.matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\""), key);
        for (ScriptedInbox.Request request : requests) {
            assertEquals("POST", request.method());
            assertEquals("/v1/questions", request.path());
            assertEquals(key, request.header("Idempotency-Key"));
            assertEquals(requests.get(0).header("Authorization"), request.header("Authorization"));
            assertEquals("application/json; charset=utf-8", request.header("Content-Type"));
            assertEquals("{\"topic\":\"registration\",\"country\":\"RU\",\"language\":\"ru\",\"message\":\""
                    + QUESTION + "\"}", request.bodyText());
        }
        MyQuestion sent = outbox.question(saved.id()).orElseThrow();
        assertEquals(QuestionState.SENT, sent.state());
        assertEquals(Optional.of(Instant.parse("2026-11-23T10:00:00Z")), sent.sentAt());
        assertEquals(3, sent.attempts());
    }

    @Test
    void nothingIsSentBeforeItsRetryWaitIsOver() throws IOException {
        inbox().then(Reply.of(503, "")).then(Reply.created("q-1"));
        Outbox outbox = outbox();
        save(outbox, inbox.base());
        outbox.sendDue();

        clock.advance(Duration.ofSeconds(29));
        assertEquals(0, outbox.sendDue().sent());
        assertEquals(1, inbox.requests().size());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, outbox.sendDue().sent());
        assertEquals(2, inbox.requests().size());
    }

    @Test
    void sendNowIgnoresTheRetryWait() throws IOException {
        inbox().then(Reply.of(503, "")).then(Reply.created("q-1"));
        Outbox outbox = outbox();
        save(outbox, inbox.base());
        outbox.sendDue();

        assertEquals(1, outbox.sendNow().sent());
    }

    @Test
    void honoursRetryAfterGivenInSeconds() throws IOException {
        inbox().then(new Reply(429, Map.of("Retry-After", "120"), ""));
        Outbox outbox = outbox();
        save(outbox, inbox.base());

        SendReport report = outbox.sendDue();

        assertEquals(Optional.of(START.plusSeconds(120)), report.nextAttemptAt());
        assertEquals(new OutboxProblem.ServerBusy(inbox.base(), 429, Optional.of(Duration.ofSeconds(120))),
                report.problems().get(0));
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDate() throws IOException {
        inbox().then(new Reply(503, Map.of("Retry-After", "Mon, 23 Nov 2026 10:10:00 GMT"), ""));
        Outbox outbox = outbox();
        save(outbox, inbox.base());

        assertEquals(Optional.of(Instant.parse("2026-11-23T10:10:00Z")), outbox.sendDue().nextAttemptAt());
    }

    @Test
    void waitsGrowWithEachFailureUpToAnHour() throws IOException {
        Outbox outbox = outbox();
        save(outbox, closedPort());
        long[] expected = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
        for (long seconds : expected) {
            Instant before = clock.instant();
            Instant next = outbox.sendDue().nextAttemptAt().orElseThrow();
            assertEquals(before.plusSeconds(seconds), next);
            clock.set(next);
        }
        assertEquals(expected.length, outbox.questions().get(0).attempts());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 425, 429, 500, 502, 503, 504})
    void retriesWhatMaySucceedLater(int status) throws IOException {
        inbox().then(Reply.of(status, "")).then(Reply.created("q-1"));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());

        outbox.sendDue();
        assertEquals(QuestionState.WAITING, outbox.question(saved.id()).orElseThrow().state());
        clock.advance(Duration.ofMinutes(1));
        outbox.sendDue();

        assertEquals(QuestionState.SENT, outbox.question(saved.id()).orElseThrow().state());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 403, 404, 410, 413, 415, 422})
    void failsForGoodOnOtherRefusalsAndDoesNotRetry(int status) throws IOException {
        inbox().then(Reply.of(status, "{\"error\":\"x\",\"message\":\"Refused for a test.\"}"));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());

        SendReport report = outbox.sendDue();
        clock.advance(Duration.ofDays(2));
        outbox.sendDue();

        assertEquals(1, report.failed());
        MyQuestion failed = outbox.question(saved.id()).orElseThrow();
        assertEquals(QuestionState.FAILED, failed.state());
        assertEquals(Optional.of(new MyQuestion.Failure(status, "Refused for a test.")), failed.failure());
        assertEquals(Optional.empty(), outbox.nextAttemptAt());
        assertEquals(1, inbox.requests().size());
    }

    @Test
    void aFailedQuestionCanBeTriedAgainWithTheSameKey() throws IOException {
        inbox().then(Reply.of(404, "")).then(Reply.created("q-1"));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());
        outbox.sendDue();
        assertEquals(Optional.of(new MyQuestion.Failure(404, "HTTP 404")),
                outbox.question(saved.id()).orElseThrow().failure());

        assertTrue(outbox.retry(saved.id()));
        outbox.sendDue();

        assertEquals(QuestionState.SENT, outbox.question(saved.id()).orElseThrow().state());
        assertEquals(inbox.requests().get(0).header("Idempotency-Key"), inbox.requests().get(1).header("Idempotency-Key"));
        assertFalse(outbox.retry(saved.id()), "only a failed question can be retried");
    }

    @Test
    void anUnreachableServerIsTriedOnceARoundNotOncePerQuestion() throws IOException {
        inbox().then(Reply.of(503, ""));
        Outbox outbox = outbox();
        for (int i = 0; i < 3; i++) {
            save(outbox, inbox.base());
        }

        SendReport report = outbox.sendDue();

        assertEquals(1, inbox.requests().size());
        assertEquals(3, report.waiting());
        for (MyQuestion q : outbox.questions()) {
            assertEquals(Optional.of(START.plusSeconds(30)), q.nextAttemptAt());
        }
    }

    @Test
    void aQuestionTheServerHasIsNeverSentAgain() throws IOException {
        inbox().then(Reply.created("q-1"));
        Outbox outbox = outbox();
        save(outbox, inbox.base());
        outbox.sendDue();

        clock.advance(Duration.ofHours(2));
        outbox.sendDue();
        outbox.sendNow();

        assertEquals(1, inbox.requests().size());
    }

    @Test
    void theDeviceTokenIsRandomPerInstallAndKeptAcrossRestarts() throws IOException {
        inbox().then(Reply.created("q-1")).then(Reply.created("q-2")).then(Reply.created("q-3"));
        Outbox first = outbox(1);
        save(first, inbox.base());
        first.sendDue();
        store.close();
        store = null;
        Outbox afterRestart = outbox(2);
        save(afterRestart, inbox.base());
        afterRestart.sendDue();
        store.close();
        store = QuestionStore.open(temp.resolve("another-install"));
        Outbox otherInstall = new Outbox(store, transport, clock, new NoJitterRandom(3));
        save(otherInstall, inbox.base());
        otherInstall.sendDue();

        List<String> tokens = inbox.requests().stream().map(r -> r.header("Authorization")).toList();
        assertTrue(tokens.get(0).matches("Bearer [A-Za-z0-9_-]{43}"), tokens.get(0));
        assertEquals(tokens.get(0), tokens.get(1));
        assertNotEquals(tokens.get(0), tokens.get(2));
    }

    @Test
    void answersArriveOnSyncAndAreMarkedNewUntilSeen() throws IOException {
        inbox().then(Reply.created("q-1"));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());
        outbox.sendDue();
        String key = keyOf(saved.id());
        inbox.then(Reply.of(200, listing("q-1", key, Optional.of("Ба идораи муҳоҷират равед."))));

        SyncReport report = outbox.sync();

        assertEquals(1, report.newAnswers());
        MyQuestion answered = outbox.question(saved.id()).orElseThrow();
        assertEquals(QuestionState.ANSWERED, answered.state());
        assertEquals(Optional.of(new MyQuestion.Answer("Ба идораи муҳоҷират равед.",
                Instant.parse("2026-11-24T09:00:00Z"))), answered.answer());
        assertTrue(answered.newAnswer());
        assertEquals(1, outbox.newAnswers());

        assertTrue(outbox.markAnswerSeen(saved.id()));
        inbox.then(Reply.of(200, listing("q-1", key, Optional.of("Ба идораи муҳоҷират равед."))));
        assertEquals(0, outbox.sync().newAnswers());
        assertEquals(0, outbox.newAnswers());
        assertFalse(outbox.question(saved.id()).orElseThrow().newAnswer());

        inbox.then(Reply.of(200, listing("q-1", key, Optional.of("Ҷавоби нав."))));
        assertEquals(1, outbox.sync().newAnswers());
        assertTrue(outbox.question(saved.id()).orElseThrow().newAnswer());
    }

    @Test
    void aLostAcknowledgementIsRecoveredFromTheServersList() throws IOException {
        inbox().then(Reply.of(502, ""));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());
        outbox.sendDue();
        // The 502 came from a proxy after the inbox had stored the question: the list shows it.
        inbox.then(Reply.of(200, listing("q-7", keyOf(saved.id()), Optional.empty())));

        outbox.sync();

        MyQuestion recovered = outbox.question(saved.id()).orElseThrow();
        assertEquals(QuestionState.SENT, recovered.state());
        assertEquals(Optional.empty(), outbox.nextAttemptAt());
        assertEquals(2, inbox.requests().size(), "the sync did not resend the question");
    }

    @Test
    void aQuestionNeverSentIsDeletedWithoutTalkingToTheServer() throws IOException {
        inbox();
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());

        assertTrue(outbox.delete(saved.id()));
        outbox.sync();

        assertEquals(List.of(), outbox.questions());
        assertEquals(List.of(), inbox.requests());
        assertFalse(outbox.delete(saved.id()));
    }

    @Test
    void deletingASentQuestionAsksTheServerToDeleteItToo() throws IOException {
        inbox().then(Reply.created("q-1"));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());
        outbox.sendDue();
        String key = keyOf(saved.id());

        outbox.delete(saved.id());
        assertEquals(List.of(), outbox.questions());
        inbox.then(Reply.of(200, listing("q-1", key, Optional.empty()))).then(Reply.of(204, ""));
        SyncReport report = outbox.sync();
        outbox.sync();

        assertEquals(1, report.deletedOnServer());
        List<ScriptedInbox.Request> requests = inbox.requests();
        assertEquals(List.of("POST /v1/questions", "GET /v1/questions", "DELETE /v1/questions/q-1"),
                requests.stream().map(r -> r.method() + " " + r.path()).toList());
        assertEquals(requests.get(0).header("Authorization"), requests.get(2).header("Authorization"));
    }

    @Test
    void aDeletedQuestionThatMayStillBeInFlightIsLookedForUntilTheGraceIsOver() throws IOException {
        inbox().then(Reply.of(500, ""));
        Outbox outbox = outbox();
        MyQuestion saved = save(outbox, inbox.base());
        outbox.sendDue();
        outbox.delete(saved.id());
        String empty = "{\"questions\":[]}";
        inbox.then(Reply.of(200, empty)).then(Reply.of(200, empty));

        clock.advance(Duration.ofSeconds(10));
        outbox.sync();
        clock.advance(Outbox.IN_FLIGHT_GRACE);
        outbox.sync();
        outbox.sync();

        assertEquals(List.of("POST", "GET", "GET"), inbox.requests().stream().map(ScriptedInbox.Request::method)
                .toList(), "after the grace the deletion is dropped and nothing more is asked");
    }

    @Test
    void anInvalidDraftIsNotSaved() {
        Outbox outbox = outbox();

        SaveResult result = outbox.save(new QuestionDraft("health", "RU", "ru", "Help", "", false),
                URI.create("http://127.0.0.1:9/"));

        assertEquals(List.of(new FieldProblem.TooShort(QuestionField.MESSAGE, 10, 4)),
                assertInstanceOf(SaveResult.Invalid.class, result).problems());
        assertEquals(List.of(), outbox.questions());
    }

    @Test
    void theServerMustBeAnHttpAddressAndMayHaveAPath() throws IOException {
        Outbox outbox = outbox();
        for (String bad : List.of("ftp://example.org/", "example.org", "http://user:pw@example.org/",
                "http://example.org/?x=1")) {
            assertThrows(IllegalArgumentException.class, () -> save(outbox, URI.create(bad)), bad);
        }
        inbox().then(Reply.created("q-1"));
        save(outbox, URI.create(inbox.base() + "inbox"));
        outbox.sendDue();

        assertEquals("/inbox/v1/questions", inbox.requests().get(0).path());
    }

    @Test
    void questionsTheOldServerNeverAcknowledgedCanMoveToANewOne() throws IOException {
        inbox().then(Reply.created("q-1")).then(Reply.of(404, "")).then(Reply.created("q-2"))
                .then(Reply.created("q-3"));
        Outbox outbox = outbox();
        MyQuestion acknowledged = save(outbox, inbox.base());
        outbox.sendDue();
        MyQuestion waiting = save(outbox, closedPort());
        outbox.sendDue();
        MyQuestion failed = save(outbox, URI.create(inbox.base() + "wrong/"));
        outbox.sendDue();
        assertEquals(QuestionState.FAILED, outbox.question(failed.id()).orElseThrow().state());

        assertEquals(2, outbox.moveUnsentTo(inbox.base()));
        outbox.sendDue();

        assertEquals(QuestionState.SENT, outbox.question(waiting.id()).orElseThrow().state());
        assertEquals(QuestionState.SENT, outbox.question(failed.id()).orElseThrow().state());
        assertEquals(QuestionState.SENT, outbox.question(acknowledged.id()).orElseThrow().state());
        assertEquals(List.of("/v1/questions", "/wrong/v1/questions", "/v1/questions", "/v1/questions"),
                inbox.requests().stream().map(ScriptedInbox.Request::path).toList());
    }
}

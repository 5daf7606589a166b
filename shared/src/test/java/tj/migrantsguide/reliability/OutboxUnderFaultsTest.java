package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.MyQuestion;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.questions.QuestionState;
import tj.migrantsguide.outbox.SaveResult;
import tj.migrantsguide.outbox.SyncReport;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.reliability.FaultServer.Fault;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * The question outbox against an inbox that breaks HTTP in every way {@link FaultServer} knows (every request
 * broken the same way): each sync returns (no exception, no hang) within a bound, the question is still on the phone
 * (waiting, or sent when the server's 201 status got through), and once the inbox is healthy it is sent and the
 * inbox holds it once.
 */
class OutboxUnderFaultsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    /** One request's bound in this test; the app's is 20 s. The asserted bound (30 s) is far above it. */
    private static final Duration REQUEST = Duration.ofMillis(800);
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** A minimal honest inbox: stores a question once per idempotency key, lists them. */
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private final Map<String, Integer> posts = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    private FaultServer server;
    private QuestionStore store;

    @BeforeEach
    void start() throws Exception {
        server = FaultServer.start(request -> {
            if (request.path().equals("/v1/questions") && request.method().equals("POST")) {
                String key = request.header("Idempotency-Key").orElse("").replace("\"", "");
                posts.merge(key, 1, Integer::sum);
                String id = stored.computeIfAbsent(key, k -> "q" + stored.size());
                return FaultServer.Response.json(201, QuestionCodec.writeReceipt(
                        new QuestionCodec.Receipt(id, NOW)));
            }
            if (request.path().equals("/v1/questions") && request.method().equals("GET")) {
                List<QuestionCodec.RemoteQuestion> list = stored.entrySet().stream()
                        .map(e -> new QuestionCodec.RemoteQuestion(e.getValue(), e.getKey(), NOW,
                                java.util.Optional.empty()))
                        .toList();
                return FaultServer.Response.json(200, QuestionCodec.writeQuestionList(list));
            }
            return FaultServer.Response.json(404, "{}".getBytes(StandardCharsets.UTF_8));
        });
        store = QuestionStore.open(temp.resolve("phone"));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // against a hang only
    void everyFaultEndsWithTheQuestionKeptAndItIsSentOnceWhenTheInboxHeals() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Fault fault : EnumSet.allOf(Fault.class)) {
            Outbox phone = new Outbox(store, new JdkHttpTransport(Duration.ofSeconds(2)),
                    Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(fault.ordinal()), REQUEST);
            MyQuestion asked = assertInstanceOf(SaveResult.Saved.class, phone.save(QuestionDraft.withoutContact(
                    Topic.WORK_AND_PAY, "RU", Language.TAJIK, "Корфармо музди меҳнатро намедиҳад. " + fault),
                    server.base())).question();
            server.faultEverywhere(fault);

            long start = System.nanoTime();
            SyncReport report = phone.syncNow();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            MyQuestion after = phone.question(asked.id()).orElseThrow();
            seen.put(fault.name(), after.state() + " " + report.problems() + " in " + took.toMillis() + " ms");
            if (took.compareTo(BOUND) > 0) {
                fail(fault + " took " + took);
            }
            // A 2xx status that got through means the inbox has it; anything else must leave it waiting (or
            // refused by name: a redirect is not followed, the question keeps the server's reason).
            Set<QuestionState> allowed = switch (fault) {
                case SLOW_BYTES, RESET_MID_BODY, SHORT_BODY, LENGTH_TOO_SMALL, BROKEN_CHUNKS, HEADERS_THEN_SILENCE ->
                        Set.of(QuestionState.SENT, QuestionState.WAITING);
                case REDIRECT_LOOP, WRONG_TYPE -> Set.of(QuestionState.FAILED, QuestionState.SENT);
                default -> Set.of(QuestionState.WAITING);
            };
            assertTrue(allowed.contains(after.state()), fault + " left the question " + after.state());
            if (after.state() != QuestionState.SENT) {
                assertTrue(!report.problems().isEmpty(), fault + " gave no problem to show");
            }
            server.heal();
            if (after.state() == QuestionState.FAILED) {
                phone.retry(asked.id()); // the person presses "try again"
            }
            phone.syncNow();
            assertEquals(QuestionState.SENT, phone.question(asked.id()).orElseThrow().state(), fault.name());
        }
        seen.forEach((fault, result) -> System.out.println("[reliability] outbox under " + fault + ": " + result));
        assertEquals(Fault.values().length, stored.size(), "each question stored once: " + posts);
    }
}

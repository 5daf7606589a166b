package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.MyQuestion;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.questions.QuestionState;
import tj.migrantsguide.outbox.SaveResult;
import tj.migrantsguide.outbox.SyncReport;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.transport.HttpTransport;
import tj.migrantsguide.transport.JdkHttpTransport;
import tj.migrantsguide.testing.FakeClock;

/**
 * "Always in Touch" end to end: the device's real outbox (SQLite file, JDK HTTP) against the real reference server
 * (SQLite file, loopback port), one fake clock for both.
 */
class AlwaysInTouchTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(START);
    private final HttpTransport network = new JdkHttpTransport(Duration.ofSeconds(5));
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestServer server;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private TestServer startServer(int port) throws IOException {
        server = TestServer.start(temp.resolve("server-" + port), clock, ReferenceServer.Limits.standard(),
                Optional.empty(), port);
        return server;
    }

    private Outbox device(String name, HttpTransport transport, long seed) {
        QuestionStore store = QuestionStore.open(temp.resolve(name));
        open.add(store);
        return new Outbox(store, transport, clock, new SplittableRandom(seed));
    }

    private static MyQuestion ask(Outbox outbox, URI server, String message) {
        return assertInstanceOf(SaveResult.Saved.class, outbox.save(
                QuestionDraft.withoutContact(Topic.WORK_AND_PAY, "RU", Language.RUSSIAN, message), server)).question();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void reportsOfOneDeadNumberFromThreePhonesAreOneRowOnTheEditorsPage() throws Exception {
        startServer(0);
        for (int phone = 1; phone <= 3; phone++) {
            Outbox outbox = device("phone-" + phone, network, phone);
            assertInstanceOf(SaveResult.Saved.class, outbox.save(QuestionDraft.withoutContact(Topic.REPORT_A_PROBLEM,
                    phone == 3 ? "KZ" : "RU", Language.TAJIK, "Рақами 227-07-07-07 кор намекунад.")
                    .reporting("contact/RU/trafficking-hotline-227-ru", "227-07-07-07"), server.base()));
            assertEquals(1, outbox.sync().sending().sent());
            clock.advance(Duration.ofMinutes(10));
        }

        String page = server.send(server.request("desk/numbers").header("Cookie",
                server.deskSession(TestServer.OPERATOR)).GET()).body();

        assertEquals(1, page.split("<tr id=\"", -1).length - 1, page);
        assertTrue(page.contains("<tr id=\"contact/RU/trafficking-hotline-227-ru\">"), page);
        assertTrue(page.contains("<span class=\"number\">227-07-07-07</span> (3)</td><td>3</td><td>3</td>"), page);
    }

    @Test
    void aQuestionWrittenOfflineIsSentAfterTheServerComesUp() throws Exception {
        int port = freePort();
        URI address = URI.create("http://127.0.0.1:" + port + "/");
        Outbox phone = device("phone", network, 1);
        MyQuestion asked = ask(phone, address, "Работодатель не платит зарплату третий месяц.");

        assertEquals(0, phone.sync().sending().sent());
        assertEquals(QuestionState.WAITING, phone.question(asked.id()).orElseThrow().state());

        try {
            startServer(port);
        } catch (BindException taken) {
            return; // Another process took the free port meanwhile; nothing about the outbox was tested.
        }
        // The first retry comes 22.5 to 30 seconds after the failed attempt (30 s less up to a quarter of jitter).
        clock.advance(Duration.ofSeconds(22));
        assertEquals(0, phone.sync().sending().sent(), "the retry waits its turn");
        clock.advance(Duration.ofSeconds(8));
        SyncReport report = phone.sync();

        assertEquals(1, report.sending().sent());
        assertEquals(QuestionState.SENT, phone.question(asked.id()).orElseThrow().state());
        assertEquals(1, server.questions());
    }

    @Test
    void retriesAfterAServerCrashDoNotUseUpTheDevicesBudget() throws Exception {
        startServer(0);
        QuestionStore store = QuestionStore.open(temp.resolve("phone"));
        open.add(store);
        Outbox phone = new Outbox(store, network, clock, new SplittableRandom(1));
        MyQuestion asked = ask(phone, server.base(), "Работодатель не платит зарплату третий месяц.");
        var saved = store.all().get(0);
        String token = store.deviceToken(() -> {
            throw new AssertionError("saving made the token");
        }, clock.instant());
        // What a server killed while storing this question leaves behind: the key claimed, no answer recorded.
        assertInstanceOf(InboxStore.Claim.Claimed.class, server.server.inbox().claim(
                InboxHandler.sha256(token.getBytes(StandardCharsets.US_ASCII)), saved.idempotencyKey(),
                InboxHandler.sha256(saved.body()), clock.instant()));

        int attempts = 0;
        while (phone.question(asked.id()).orElseThrow().state() != QuestionState.SENT) {
            phone.sync();
            attempts++;
            MyQuestion now = phone.question(asked.id()).orElseThrow();
            assertTrue(now.waitingBecause().stream().noneMatch(w -> w.contains("429")), now.toString());
            assertTrue(attempts < 15, "still not sent after " + attempts + " attempts: " + now);
            now.nextAttemptAt().ifPresent(clock::set);
        }

        assertTrue(Duration.between(START, clock.instant()).compareTo(InboxStore.CLAIM_LEASE.plusSeconds(5)) <= 0,
                "sent soon after the dead request's lease ended, at " + clock.instant());
        assertEquals(1, server.questions());
        // The device's ten submissions at once are intact: nine more questions go through straight away.
        for (int i = 0; i < 9; i++) {
            ask(phone, server.base(), "Ещё один вопрос номер " + i + " о работе.");
        }
        assertEquals(9, phone.sync().sending().sent());
        assertEquals(10, server.questions());
    }

    @Test
    void theServerSeesNoDuplicateWhenAcknowledgementsAreLost() throws Exception {
        startServer(0);
        // The request reaches the server, the answer never reaches the phone (a mobile link dropping).
        AtomicInteger lost = new AtomicInteger();
        HttpTransport losesTwoAnswers = request -> {
            var response = network.send(request);
            if (request.method().equals("POST") && lost.getAndIncrement() < 2) {
                response.close();
                throw new IOException("connection reset");
            }
            return response;
        };
        Outbox phone = device("phone", losesTwoAnswers, 1);
        MyQuestion asked = ask(phone, server.base(), "Работодатель не платит зарплату третий месяц.");

        phone.sendDue();
        clock.advance(Duration.ofSeconds(30));
        phone.sendDue();
        clock.advance(Duration.ofSeconds(60));
        phone.sendDue();

        assertEquals(3, lost.get(), "three attempts reached the server");
        assertEquals(1, server.questions());
        MyQuestion sent = phone.question(asked.id()).orElseThrow();
        assertEquals(QuestionState.SENT, sent.state());
        assertEquals(3, sent.attempts());
    }

    @Test
    void theServerSeesNoDuplicateWhenTwoCopiesOfTheAppSendAtOnce() throws Exception {
        startServer(0);
        Path shared = temp.resolve("phone");
        Outbox app = device("phone", network, 1);
        ask(app, server.base(), "Работодатель не платит зарплату третий месяц.");
        ask(app, server.base(), "Где продлить патент на работу в Москве?");
        QuestionStore second = QuestionStore.open(shared);
        open.add(second);
        Outbox commandLine = new Outbox(second, network, clock, new SplittableRandom(2));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        List<Future<?>> runs = new ArrayList<>();
        for (Outbox outbox : List.of(app, commandLine)) {
            runs.add(threads.submit(() -> {
                ready.countDown();
                ready.await();
                for (int i = 0; i < 5; i++) {
                    outbox.sendNow();
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        clock.advance(Duration.ofMinutes(5));
        app.sync();

        assertEquals(2, server.questions());
        assertTrue(app.questions().stream().allMatch(q -> q.state() == QuestionState.SENT), app.questions()
                .toString());
    }

    @Test
    void answersReachTheRightDeviceOnly() throws Exception {
        startServer(0);
        Outbox mine = device("mine", network, 1);
        Outbox theirs = device("theirs", network, 2);
        MyQuestion myQuestion = ask(mine, server.base(), "Работодатель не платит зарплату третий месяц.");
        MyQuestion theirQuestion = ask(theirs, server.base(), "Где продлить патент на работу в Москве?");
        mine.sync();
        theirs.sync();
        InboxStore.DeskQuestion atDesk = server.server.inbox().openQuestions().stream()
                .filter(q -> q.message().contains("зарплату")).findFirst().orElseThrow();

        server.server.inbox().answer(atDesk.id(), "Обратитесь в трудовую инспекцию.", clock.instant());
        SyncReport mineSynced = mine.sync();
        SyncReport theirsSynced = theirs.sync();

        assertEquals(1, mineSynced.newAnswers());
        assertEquals(0, theirsSynced.newAnswers());
        MyQuestion answered = mine.question(myQuestion.id()).orElseThrow();
        assertEquals(QuestionState.ANSWERED, answered.state());
        assertEquals("Обратитесь в трудовую инспекцию.", answered.answer().orElseThrow().text());
        assertTrue(answered.newAnswer());
        assertEquals(1, mine.newAnswers());
        MyQuestion unanswered = theirs.question(theirQuestion.id()).orElseThrow();
        assertEquals(QuestionState.SENT, unanswered.state());
        assertEquals(Optional.empty(), unanswered.answer());
        assertEquals(0, theirs.newAnswers());
    }

    @Test
    void aQuestionDeletedOnTheDeviceIsDeletedOnTheServer() throws Exception {
        startServer(0);
        Outbox phone = device("phone", network, 1);
        MyQuestion asked = ask(phone, server.base(), "Работодатель не платит зарплату третий месяц.");
        phone.sync();
        assertEquals(1, server.questions());

        phone.delete(asked.id());
        SyncReport report = phone.sync();

        assertEquals(1, report.deletedOnServer());
        assertEquals(0, server.questions());
        assertEquals(List.of(), phone.questions());
    }

    // ---- the app killed for real ----

    private Process child(Path database, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutboxChild.class.getName(), database.toString(), server.base().toString(), mode, START.toString())
                .redirectErrorStream(true).start();
    }

    /** Reads the child's output until a line starts with {@code marker}; fails with the output if it never does. */
    private static String waitFor(Process child, String marker) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.append(line).append('\n');
            if (line.startsWith(marker)) {
                return line;
            }
        }
        throw new AssertionError("the child ended without printing " + marker + ":\n" + output);
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        child.waitFor();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // against a hang only; nothing here is timed
    void anAppKilledBetweenSaveAndSendLosesNothingAndSendsOnce() throws Exception {
        startServer(0);
        Path database = temp.resolve("phone");
        Process app = child(database, "save");
        assertNotNull(waitFor(app, OutboxChild.SAVED));
        kill(app);
        assertEquals(0, server.questions(), "the killed app sent nothing");

        Outbox restarted = device("phone", network, 7);
        MyQuestion kept = restarted.questions().get(0);
        assertEquals(QuestionState.WAITING, kept.state());
        assertEquals("Шиносномаамро корфармо гирифт. Чӣ кунам?", kept.message());
        restarted.sendDue();
        clock.advance(Duration.ofHours(2));
        restarted.sendDue();
        restarted.sendNow();

        assertEquals(QuestionState.SENT, restarted.question(kept.id()).orElseThrow().state());
        assertEquals(1, server.questions());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // against a hang only; nothing here is timed
    void anAppKilledAfterTheServerStoredTheQuestionSendsItOnceOnly() throws Exception {
        startServer(0);
        Path database = temp.resolve("phone");
        Process app = child(database, "send");
        assertEquals(OutboxChild.SERVER_ANSWERED + " 201", waitFor(app, OutboxChild.SERVER_ANSWERED));
        kill(app);
        assertEquals(1, server.questions());

        Outbox restarted = device("phone", network, 7);
        MyQuestion kept = restarted.questions().get(0);
        assertEquals(QuestionState.WAITING, kept.state(), "the device never learnt that the server has it");
        assertEquals(1, kept.attempts());
        restarted.sendDue();

        assertEquals(QuestionState.SENT, restarted.question(kept.id()).orElseThrow().state());
        assertEquals(1, server.questions(), "the resend was answered from the server's memory of the key");
        String serverId = server.server.inbox().openQuestions().get(0).id();
        server.server.inbox().answer(serverId, "Ба сафорат муроҷиат кунед.", clock.instant());
        restarted.sync();
        assertEquals("Ба сафорат муроҷиат кунед.", restarted.questions().get(0).answer().orElseThrow().text());
    }
}

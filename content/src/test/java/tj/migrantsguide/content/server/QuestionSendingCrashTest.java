package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.outbox.MyQuestion;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionState;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.transport.JdkHttpTransport;
import tj.migrantsguide.testing.FakeClock;

/**
 * "Always in Touch" with the app killed for real (SIGKILL of {@link QuestionSendingChild}) at every step of asking
 * and sending several questions: after each marker the child prints (saved; the inbox's status arrived; the device
 * recorded it), immediately or a moment later. After each kill the app starts again on the same phone and syncs:
 * every question the child had saved is on the phone, every one ends sent, and the real reference inbox holds each
 * exactly once (no question lost, none doubled).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // against a hang only; nothing here is timed
class QuestionSendingCrashTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    /** Four questions: with replays, within the inbox's burst of ten submissions per device. */
    private static final int QUESTIONS = 4;
    /** Markers per question: SAVED, ANSWERED, SENT. */
    private static final int MARKERS = 3 * QUESTIONS;

    @TempDir
    Path temp;

    @Test
    void killedAtAnyStepOfAskingNoQuestionIsLostOrStoredTwice() throws Exception {
        FakeClock clock = new FakeClock(START);
        int points = 0;
        try (TestServer server = TestServer.start(temp.resolve("inbox"), clock, ReferenceServer.Limits.standard(),
                Optional.empty())) {
            for (int marker = 0; marker < MARKERS; marker++) {
                for (int delayMillis : new int[] {0, 3}) {
                    String label = "p" + marker + "d" + delayMillis;
                    Path phone = temp.resolve("phone-" + label);
                    List<String> saved = runAndKill(phone, server, label, marker, delayMillis);
                    points++;

                    try (QuestionStore store = QuestionStore.open(phone)) {
                        Outbox restarted = new Outbox(store, new JdkHttpTransport(Duration.ofSeconds(5)), clock,
                                new SplittableRandom(points));
                        List<Long> onPhone = restarted.questions().stream().map(MyQuestion::id).toList();
                        for (String id : saved) {
                            assertTrue(onPhone.contains(Long.parseLong(id)), label + ": saved question " + id
                                    + " is on the phone");
                        }
                        restarted.syncNow();
                        for (MyQuestion q : restarted.questions()) {
                            assertEquals(QuestionState.SENT, q.state(), label + ": " + q);
                        }
                        Map<String, Integer> atInbox = new HashMap<>();
                        for (InboxStore.DeskQuestion q : server.server.inbox().openQuestions()) {
                            if (q.message().contains(" " + label + " ")) {
                                atInbox.merge(q.message(), 1, Integer::sum);
                            }
                        }
                        for (MyQuestion q : restarted.questions()) {
                            assertEquals(1, atInbox.getOrDefault(q.message(), 0), label + ": " + q.message()
                                    + " at the inbox " + atInbox);
                        }
                        assertEquals(restarted.questions().size(), atInbox.size(), label + ": nothing else arrived");
                    }
                }
            }
        }
        System.out.println("[reliability] kill points, question sending: " + points + " (" + MARKERS
                + " steps of " + QUESTIONS + " questions, each killed at once and 3 ms later)");
    }

    /** Runs the child until its {@code marker}-th marker line, waits {@code delayMillis}, kills it. */
    private List<String> runAndKill(Path phone, TestServer server, String label, int marker, int delayMillis)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), QuestionSendingChild.class.getName(), phone.toString(),
                server.base().toString(), Integer.toString(QUESTIONS), START.toString(), label)
                .redirectErrorStream(true).start();
        List<String> saved = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            int seen = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("SAVED ")) {
                    saved.add(line.split(" ")[2]);
                }
                if (line.startsWith("SAVED ") || line.startsWith("ANSWERED ") || line.startsWith("SENT ")) {
                    if (seen++ == marker) {
                        if (delayMillis > 0) {
                            Thread.sleep(delayMillis);
                        }
                        return saved;
                    }
                }
            }
            throw new AssertionError("the child ended before marker " + marker + ":\n" + output);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}

package tj.migrantsguide.content.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.outbox.SaveResult;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.transport.HttpTransport;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * The app in a child JVM, to be killed for real by {@link AlwaysInTouchTest}. It saves one question, then either
 * stops before sending ({@code save}) or sends and stops right after the server answered, before the device
 * could record the answer ({@code send}). It prints a marker when it reaches that point and then waits to die.
 *
 * <p>Arguments: DATABASE SERVER-URL MODE NOW (an instant for the fake clock).
 */
public final class OutboxChild {
    static final String SAVED = "SAVED";
    static final String SERVER_ANSWERED = "SERVER_ANSWERED";

    private OutboxChild() {}

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        URI server = URI.create(args[1]);
        String mode = args[2];
        Clock clock = Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC);
        HttpTransport real = new JdkHttpTransport(Duration.ofSeconds(5));
        HttpTransport stopAfterTheServerAnswered = request -> {
            var response = real.send(request);
            System.out.println(SERVER_ANSWERED + " " + response.status());
            System.out.flush();
            waitToBeKilled();
            throw new IOException("unreachable");
        };
        QuestionStore store = QuestionStore.open(database);
        Outbox outbox = new Outbox(store, mode.equals("send") ? stopAfterTheServerAnswered : real, clock,
                new SplittableRandom(42));
        SaveResult saved = outbox.save(QuestionDraft.withoutContact(Topic.DOCUMENTS, "RU", Language.TAJIK,
                "Шиносномаамро корфармо гирифт. Чӣ кунам?"), server);
        System.out.println(SAVED + " " + ((SaveResult.Saved) saved).question().id());
        System.out.flush();
        if (mode.equals("send")) {
            outbox.sendDue();
        }
        waitToBeKilled();
    }

    private static void waitToBeKilled() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // Keep waiting: only the test ends this process.
            }
        }
    }
}

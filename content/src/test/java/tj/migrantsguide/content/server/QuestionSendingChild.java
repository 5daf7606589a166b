package tj.migrantsguide.content.server;

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
 * The app asking questions in a child JVM, for {@link QuestionSendingCrashTest} to kill at any point: for each of
 * COUNT questions it saves it ({@code SAVED i KEY} once committed), sends what is due ({@code ANSWERED i STATUS} as
 * soon as the inbox's status arrives, before the device records it; {@code SENT i} after), then waits to be killed.
 *
 * <p>Arguments: DEVICE-FOLDER INBOX-URL COUNT NOW LABEL.
 */
public final class QuestionSendingChild {
    private QuestionSendingChild() {}

    public static void main(String[] args) throws Exception {
        Path device = Path.of(args[0]);
        URI inbox = URI.create(args[1]);
        int count = Integer.parseInt(args[2]);
        Clock clock = Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC);
        String label = args[4];
        HttpTransport real = new JdkHttpTransport(Duration.ofSeconds(5));
        int[] current = {0};
        HttpTransport telling = request -> {
            var response = real.send(request);
            if (request.method().equals("POST")) {
                say("ANSWERED " + current[0] + " " + response.status());
            }
            return response;
        };
        try (QuestionStore store = QuestionStore.open(device)) {
            Outbox outbox = new Outbox(store, telling, clock, new SplittableRandom(label.hashCode()));
            for (int i = 0; i < count; i++) {
                current[0] = i;
                SaveResult saved = outbox.save(QuestionDraft.withoutContact(Topic.DOCUMENTS, "RU", Language.TAJIK,
                        "Саволи " + label + " рақами " + i + ": шиносномаро корфармо гирифт."), inbox);
                say("SAVED " + i + " " + ((SaveResult.Saved) saved).question().id());
                outbox.sendDue();
                say("SENT " + i);
            }
            say("DONE");
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

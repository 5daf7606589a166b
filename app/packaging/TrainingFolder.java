import java.nio.file.Path;
import java.time.Clock;
import tj.migrantsguide.Guide;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.Language;

/**
 * appcds.sh's training folder (build time only, run by the JDK's source launcher on the image's jar): the built-in
 * content imported and Tajik, Russia chosen, so that the training window opens on the home screen with content, the
 * everyday start the start-up benchmark measures. Usage: java -cp migrants-guide.jar TrainingFolder.java DIR
 */
public final class TrainingFolder {
    public static void main(String[] args) throws Exception {
        FeedFiles embedded = FeedFiles.classpath(Guide.class.getClassLoader(), "embedded-feed");
        try (Guide guide = Guide.open(Path.of(args[0]), embedded, Clock.systemUTC())) {
            guide.store().user().settings().setLanguage(Language.TAJIK);
            guide.store().user().settings().setCountry("RU");
        }
    }
}

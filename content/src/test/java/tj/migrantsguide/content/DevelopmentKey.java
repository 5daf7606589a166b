package tj.migrantsguide.content;

import java.nio.file.Files;
import java.nio.file.Path;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.SigningKey;

/** The development key of keys/development/ (tests and the demo only), as the content module's tests see it. */
final class DevelopmentKey {
    static final Path FOLDER = Path.of("keys", "development");

    private DevelopmentKey() {}

    static SigningKey read() throws Exception {
        Path file = FOLDER.resolve("private.key");
        return FeedKeys.readPrivateKeyFile(file.toString(), Files.readString(file));
    }
}

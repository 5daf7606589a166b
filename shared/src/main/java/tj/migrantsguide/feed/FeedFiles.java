package tj.migrantsguide.feed;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where the files of a feed come from: a folder, the snapshot inside the app, or (for sync) the network. */
@FunctionalInterface
public interface FeedFiles {
    /**
     * Opens one file of the feed by its path relative to the feed root ("index.json", "packs/ab12….json").
     *
     * @throws FileNotFoundException when the feed has no such file
     */
    InputStream open(String relativePath) throws IOException;

    static FeedFiles directory(Path root) {
        return relativePath -> {
            Path file = root.resolve(relativePath).normalize();
            if (!file.startsWith(root.normalize())) {
                throw new FileNotFoundException("outside the feed folder: " + relativePath);
            }
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(relativePath);
            }
        };
    }

    /** The snapshot built into the application, under {@code prefix} on the class path (e.g. "embedded-feed"). */
    static FeedFiles classpath(ClassLoader loader, String prefix) {
        return relativePath -> {
            if (relativePath.contains("..")) {
                throw new FileNotFoundException("outside the feed folder: " + relativePath);
            }
            InputStream in = loader.getResourceAsStream(prefix + "/" + relativePath);
            if (in == null) {
                throw new FileNotFoundException(prefix + "/" + relativePath);
            }
            return in;
        };
    }
}

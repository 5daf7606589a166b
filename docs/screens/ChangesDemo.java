import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import tj.migrantsguide.Guide;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;

/** For make-changes.sh: a data folder that started from an older real content (v1) and was updated from a folder to today's (v2). */
public class ChangesDemo {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        try (Guide guide = Guide.open(data, FeedFiles.directory(Path.of(args[1])), Clock.systemUTC())) {
            String key = Files.readString(Path.of(args[3]));
            TrustedKeys pinned = TrustedKeys.of(FeedKeys.readPublicKeyFile(args[3], key));
            var result = Sync.run(guide.store(), guide.dataDirectory(), FeedSource.folder(Path.of(args[2]), pinned),
                    Clock.systemUTC(), (d, t) -> {});
            System.out.println(result.describe());
        }
    }
}

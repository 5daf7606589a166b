package tj.migrantsguide.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What the screens show about syncing after a restart: when the last sync ran and how it ended, and when the
 * device last had the newest content (updated or up to date). Kept in {@code sync/last-sync.json}.
 */
public record SyncHistory(Optional<Instant> lastAttempt, Optional<String> lastResult, Optional<Instant> lastSuccess) {
    public static final SyncHistory NONE = new SyncHistory(Optional.empty(), Optional.empty(), Optional.empty());

    /** The history in {@code dataDirectory}; {@link #NONE} when there is none or it cannot be read. */
    public static SyncHistory read(Path dataDirectory) {
        return new SyncFolder(dataDirectory).history();
    }
}

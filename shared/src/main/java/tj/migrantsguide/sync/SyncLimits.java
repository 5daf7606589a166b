package tj.migrantsguide.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what a server can make a device download or wait for. Whatever a server does, a file either arrives
 * within these bounds or the sync ends with a named rejection.
 *
 * @param maxIndexBytes cap on index.json (decompressed)
 * @param maxPackBytes absolute cap on one pack, whatever size the index gives it
 * @param response no response headers within this: {@code TIMEOUT (no response)}
 * @param stall no body byte within this: {@code TIMEOUT (stalled)}
 * @param slowGrace after this much time on one file, the average rate must be at least
 *     {@code minimumBytesPerSecond}, else {@code TIMEOUT (too slow)}; so a server trickling a byte at a time ends
 *     within {@code max(slowGrace, cap / minimumBytesPerSecond)}
 */
public record SyncLimits(
        long maxIndexBytes, long maxPackBytes, Duration response, Duration stall, Duration slowGrace,
        long minimumBytesPerSecond) {
    /**
     * Today's index is a few kB and the largest pack tens of kB; the caps leave room for growth. The rate floor
     * (512 B/s) is well under a weak 2G link, so only a server that means to hang falls under it.
     */
    public static final SyncLimits DEFAULT = new SyncLimits(
            1L << 20, 16L << 20, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 512);

    public SyncLimits {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(slowGrace, "slowGrace");
        if (maxIndexBytes <= 0 || maxPackBytes <= 0 || minimumBytesPerSecond < 0) {
            throw new IllegalArgumentException("caps must be positive");
        }
    }
}

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
 *     {@code minimumBytesPerSecond}, else {@code TIMEOUT (too slow)}
 * @param deadline the most the index may take from its request to its last byte, and the least the packs of one
 *     run are given together ({@link #deadlineFor}); past it, {@code TIMEOUT (deadline)}: "too slow, try later".
 *     Without it a server sending just above {@code minimumBytesPerSecond} could hold one sync for
 *     {@code cap / minimumBytesPerSecond} (34 minutes for the 1 MiB index cap at 512 B/s)
 * @param deadlineBytesPerSecond the rate the packs' deadline allows for their signed sizes: the packs a run
 *     downloads, {@code total} bytes in all, must all be in (requests included) within
 *     {@code max(deadline, total / deadlineBytesPerSecond)}
 */
public record SyncLimits(
        long maxIndexBytes, long maxPackBytes, Duration response, Duration stall, Duration slowGrace,
        long minimumBytesPerSecond, Duration deadline, long deadlineBytesPerSecond) {
    /**
     * Today's index is a few kB and the largest pack tens of kB; the caps leave room for growth. The rate floor
     * (512 B/s) is well under a weak 2G link, so only a server that means to hang falls under it. The deadline:
     * 2 minutes per file, more for a pack over 240 kB at 2 kB/s (16 kbit/s, under a weak GPRS link's 20 to 40):
     * today's whole update (a few hundred kB) fits in a few minutes even on 2G.
     */
    public static final SyncLimits DEFAULT = new SyncLimits(
            1L << 20, 16L << 20, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 512,
            Limits.DEADLINE, Limits.DEADLINE_RATE);

    private static final class Limits {
        static final Duration DEADLINE = Duration.ofMinutes(2);
        static final long DEADLINE_RATE = 2048;
    }

    public SyncLimits {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(slowGrace, "slowGrace");
        Objects.requireNonNull(deadline, "deadline");
        if (maxIndexBytes <= 0 || maxPackBytes <= 0 || minimumBytesPerSecond < 0 || deadlineBytesPerSecond <= 0
                || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("caps must be positive");
        }
    }

    /** Limits with the default deadline (2 minutes a file, packs at 2 kB/s beyond that). */
    public SyncLimits(long maxIndexBytes, long maxPackBytes, Duration response, Duration stall, Duration slowGrace,
            long minimumBytesPerSecond) {
        this(maxIndexBytes, maxPackBytes, response, stall, slowGrace, minimumBytesPerSecond, Limits.DEADLINE,
                Limits.DEADLINE_RATE);
    }

    /** The same limits with another deadline per file and rate for packs. */
    public SyncLimits withDeadline(Duration newDeadline, long newDeadlineBytesPerSecond) {
        return new SyncLimits(maxIndexBytes, maxPackBytes, response, stall, slowGrace, minimumBytesPerSecond,
                newDeadline, newDeadlineBytesPerSecond);
    }

    /** How long packs of {@code signedSize} bytes in all may take: in proportion, never under {@link #deadline}. */
    public Duration deadlineFor(long signedSize) {
        Duration proportional = Duration.ofMillis(Math.multiplyExact(Math.max(0, signedSize), 1000L)
                / deadlineBytesPerSecond);
        return proportional.compareTo(deadline) > 0 ? proportional : deadline;
    }
}

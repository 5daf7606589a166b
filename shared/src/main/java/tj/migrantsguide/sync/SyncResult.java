package tj.migrantsguide.sync;

import java.time.Instant;
import java.util.Objects;

/** What one run of {@link Sync#run} did. The installed content changes only in {@link Updated}. */
public sealed interface SyncResult {
    /** A line for people and logs, e.g. "updated 3 → 4 (12345 bytes)", "rejected: ROLLBACK (have 12, got 11)". */
    String describe();

    /** Updated or up to date: the device has the newest content the server offers. */
    default boolean succeeded() {
        return this instanceof Updated || this instanceof UpToDate;
    }

    /**
     * New content is installed.
     *
     * @param from the version before, 0 when the device had none
     * @param bytes bytes received from the network (the index and the packs that changed)
     */
    record Updated(long from, long to, long bytes, int packsDownloaded) implements SyncResult {
        public String describe() {
            return "updated " + from + " → " + to + " (" + bytes + " bytes, " + packsDownloaded + " packs)";
        }
    }

    /**
     * The server has nothing newer.
     *
     * @param contentMayBeOutOfDate the installed content is past its expiry: the publisher has not published for
     *     too long, so the user should know the content may be out of date
     */
    record UpToDate(long version, Instant expires, boolean contentMayBeOutOfDate) implements SyncResult {
        public UpToDate {
            Objects.requireNonNull(expires, "expires");
        }

        public String describe() {
            return "up to date: version " + version + (contentMayBeOutOfDate
                    ? " (expired " + expires + "; content may be out of date)"
                    : "");
        }
    }

    /** The network is not there (no route, refused, DNS, dropped mid-way). Try later; nothing changed. */
    record Offline(String cause) implements SyncResult {
        public String describe() {
            return "offline: " + cause;
        }
    }

    /** The server sent something the device refuses; see {@link Rejection} for every reason. */
    record Rejected(Rejection rejection) implements SyncResult {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }

        public Rejection.Reason reason() {
            return rejection.reason();
        }

        public String describe() {
            return "rejected: " + rejection.reason() + " (" + rejection.details() + ")";
        }
    }

    /**
     * The device itself could not finish (disk full, database error); nothing changed. Not the server's fault, so
     * not a {@link Rejected}.
     */
    record Failed(String operation, String cause) implements SyncResult {
        public String describe() {
            return "failed to " + operation + ": " + cause;
        }
    }
}

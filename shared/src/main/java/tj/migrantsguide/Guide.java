package tj.migrantsguide;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.IndexVersion;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.IndexEnvelope;
import tj.migrantsguide.store.ContentUpdate;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.InstalledFeed;
import tj.migrantsguide.store.Provenance;
import tj.migrantsguide.store.RecoveryNotice;
import tj.migrantsguide.sync.KeptFeed;

/**
 * The guide on this device: its data folder (content.db and user.db, see docs/database.md), filled from the
 * snapshot built into the app the first time, whenever the app brings newer content than the device has, and
 * whenever the content file had to be rebuilt because it was damaged.
 */
public final class Guide implements AutoCloseable {
    /**
     * What happened while opening.
     *
     * @param importedSnapshot whether the built-in snapshot was installed
     * @param installedVersion the content version installed now
     * @param recovery a repair of damaged files the person has not been told about yet: the window shows it once
     *     and then calls {@code store().user().markSeen(notice)}
     * @param readOnly present when the data folder could not be written (read-only storage, a full disk): the guide
     *     is readable, nothing can be saved; the window says so ({@link GuideStore.ReadOnly#describe()})
     */
    public record StartReport(boolean importedSnapshot, long installedVersion, Optional<RecoveryNotice> recovery,
            Optional<GuideStore.ReadOnly> readOnly) {
        public StartReport {
            Objects.requireNonNull(recovery, "recovery");
            Objects.requireNonNull(readOnly, "readOnly");
        }

        public StartReport(boolean importedSnapshot, long installedVersion, Optional<RecoveryNotice> recovery) {
            this(importedSnapshot, installedVersion, recovery, Optional.empty());
        }
    }

    private final Path dataDirectory;
    private final GuideStore store;
    private final StartReport startReport;

    private Guide(Path dataDirectory, GuideStore store, StartReport startReport) {
        this.dataDirectory = dataDirectory;
        this.store = store;
        this.startReport = startReport;
    }

    /**
     * Opens (or creates) the guide in {@code dataDirectory}. The embedded snapshot is read and installed only when
     * the database has no content yet or older content than the snapshot.
     *
     * <p>A folder that cannot be written (read-only storage, a full disk) still opens, for reading only: see
     * {@link StartReport#readOnly()}.
     *
     * @throws SnapshotUnreadableException when the snapshot inside the app is damaged (a broken build)
     * @throws tj.migrantsguide.store.StoreException when the folder cannot even be read; its
     *     {@link tj.migrantsguide.store.StoreException#problem()} says why in a way the window can put in words
     */
    public static Guide open(Path dataDirectory, FeedFiles embeddedSnapshot, Clock clock)
            throws SnapshotUnreadableException {
        Objects.requireNonNull(embeddedSnapshot, "embeddedSnapshot");
        // Damaged files are detected and repaired here; a rebuilt content file comes back empty and is refilled below.
        GuideStore store = GuideStore.open(dataDirectory, clock);
        try {
            Optional<InstalledFeed> installed = store.installedFeed();
            // Reading the index alone is cheap; the packs are parsed only when they will be installed.
            long snapshotVersion = snapshotVersion(embeddedSnapshot);
            if (installed.isPresent() && installed.get().version() >= snapshotVersion) {
                if (installed.get().version() == snapshotVersion && store.readOnly().isEmpty()) {
                    // A device whose content is the snapshot's, from before files were kept: keep them now.
                    keepSnapshotIfNothingKept(dataDirectory, embeddedSnapshot);
                }
                return new Guide(dataDirectory, store, new StartReport(false, installed.get().version(),
                        store.user().unseenRecovery(), store.readOnly()));
            }
            Feed snapshot = FeedReader.read(embeddedSnapshot);
            // One transaction (GuideStore.apply): an import cut short by a kill leaves no content installed, and the
            // next start imports again from the beginning (tested by CrashTest.aFirstImportKilledAnywhereIsDoneAgainCleanlyAtTheNextStart).
            store.install(snapshot, new ContentUpdate.Source(Provenance.Origin.APP, Optional.empty(),
                    snapshotSigner(embeddedSnapshot)));
            if (store.readOnly().isEmpty()) {
                keep(dataDirectory, embeddedSnapshot);
            }
            return new Guide(dataDirectory, store, new StartReport(true, snapshot.index().version(),
                    store.user().unseenRecovery(), store.readOnly()));
        } catch (IOException | FeedFormatException e) {
            store.close();
            throw new SnapshotUnreadableException(e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** True when {@code dataDirectory} holds no guide content yet: opening it will import the built-in snapshot. */
    public static boolean isFirstStart(Path dataDirectory) {
        return !GuideStore.hasContentFile(dataDirectory);
    }

    private static long snapshotVersion(FeedFiles snapshot) throws IOException, FeedFormatException {
        try (var in = snapshot.open("index.json")) {
            return IndexVersion.of("index.json", in.readAllBytes());
        }
    }

    /** The snapshot's signed files, kept to be passed on (KeptFeed); failing to costs only the sharing. */
    private static void keep(Path dataDirectory, FeedFiles snapshot) {
        try {
            KeptFeed.in(dataDirectory).keepAll(snapshot);
        } catch (IOException | FeedFormatException e) {
            // Sharing then says NOTHING_KEPT until the next update.
        }
    }

    private static void keepSnapshotIfNothingKept(Path dataDirectory, FeedFiles snapshot) {
        // One file test at start: reading and hashing the packs is for when someone shares.
        if (!KeptFeed.in(dataDirectory).keepsAnything()) {
            keep(dataDirectory, snapshot);
        }
    }

    /**
     * The key id of the snapshot's first signature. Not verified here (the snapshot is trusted by where it is); a
     * test of the app checks that the embedded index verifies with the pinned key.
     */
    private static Optional<String> snapshotSigner(FeedFiles snapshot) throws IOException, FeedFormatException {
        try (var in = snapshot.open("index.json")) {
            return IndexEnvelope.parse("index.json", in.readAllBytes()).signatures().stream()
                    .map(IndexEnvelope.Signature::keyId).findFirst();
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public GuideStore store() {
        return store;
    }

    public StartReport startReport() {
        return startReport;
    }

    @Override
    public void close() {
        store.close();
    }

    /** The content built into the app cannot be read: the build is broken, not the device. */
    public static final class SnapshotUnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        SnapshotUnreadableException(Throwable cause) {
            super("the content built into the app cannot be read: " + cause.getMessage(), cause);
        }
    }
}

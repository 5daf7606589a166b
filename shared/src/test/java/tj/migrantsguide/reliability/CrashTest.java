package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.store.ContentChanges;
import tj.migrantsguide.store.ContentConsistency;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.ItemKind;
import tj.migrantsguide.store.ItemRef;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * The app killed for real (SIGKILL of a child JVM, {@link CrashChild}) at many points of the first import, of a sync
 * (while downloading and while installing), and of checklist saving; then started again on the same folder. Every
 * time: the folder opens without being taken for damaged, the content is one version wholly (old or new, checked row
 * by row and in the search index by {@link ContentConsistency}), every tick the child saw committed is there, and the
 * next start or sync finishes the job.
 *
 * <p>Kill points inside an install are spread over the time the install takes (measured by a first run that is not
 * killed), from the marker the child prints just before it; one point is always right after the commit. Which side
 * of the commit a timed kill lands on varies with the machine, so the test asserts the invariants at every point
 * and only that the points on both sides of the commit were reached; the counts are printed for
 * docs/reliability.md.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // against a hang only; nothing here is timed
class CrashTest {
    /** Articles per pack: 24 packs of 30 articles, 5 contacts and 6 checklists of 6 items (about 1,800 rows and
     * their search index): an install long enough to be killed in the middle, short enough for CI. */
    static final int ARTICLES = 30;
    static final int IMPORT_POINTS = 6;
    static final int DOWNLOAD_POINTS = 3;
    static final int INSTALL_POINTS = 6;
    static final List<Integer> TICK_POINTS = List.of(0, 1, 2, 4, 8, 16, 32, 64);
    static final Duration LINE = Duration.ofSeconds(90);

    @TempDir
    static Path feeds;
    @TempDir
    Path temp;

    static Path v1;
    static Path v2;
    static Map<Long, Feed> versions;
    private static final Clock CLOCK = Clock.fixed(CrashChild.NOW, ZoneOffset.UTC);

    @BeforeAll
    static void writeFeeds() throws Exception {
        v1 = BigFeeds.write(feeds.resolve("v1"), 1, ARTICLES);
        v2 = BigFeeds.write(feeds.resolve("v2"), 2, ARTICLES);
        versions = Map.of(1L, FeedReader.read(FeedFiles.directory(v1)), 2L, FeedReader.read(FeedFiles.directory(v2)));
    }

    @AfterAll
    static void forget() {
        versions = null;
    }

    // ---- first import ----

    @Test
    void aFirstImportKilledAnywhereIsDoneAgainCleanlyAtTheNextStart() throws Exception {
        Duration install = calibrate("import", temp.resolve("calibration"), v1.toString(), "OPENING", "OPENED");
        int before = 0;
        int after = 0;
        for (int point = 0; point <= IMPORT_POINTS; point++) {
            Path data = temp.resolve("import-" + point);
            try (ChildJvm app = ChildJvm.start(CrashChild.class, "import", data.toString(), v1.toString())) {
                app.awaitLine("OPENING", LINE);
                if (point < IMPORT_POINTS) {
                    sleep(install.multipliedBy(point).dividedBy(IMPORT_POINTS));
                } else {
                    app.awaitLine("OPENED", LINE); // committed, never closed
                }
                app.kill();
            }
            try (Guide guide = Guide.open(data, FeedFiles.directory(v1), CLOCK)) {
                assertEquals(Optional.empty(), guide.startReport().recovery(), "a kill is not damage");
                assertEquals(1L, ContentConsistency.check(guide.store(), versions, BigFeeds::marker));
                if (guide.startReport().importedSnapshot()) {
                    before++;
                } else {
                    after++;
                }
            }
            delete(data);
        }
        report("first import", IMPORT_POINTS + 1, "killed before its commit (imported again at the next start)",
                before, "after", after);
        assertTrue(before > 0, "a kill right after the start lands before the commit");
        assertTrue(after > 0, "a kill after OPENED lands after the commit");
    }

    // ---- sync ----

    @Test
    void aSyncKilledWhileDownloadingOrInstallingLeavesOneVersionAndTheNextSyncFinishes() throws Exception {
        Path template = temp.resolve("template");
        try (GuideStore store = GuideStore.open(template, CLOCK)) {
            store.install(versions.get(1L));
        }
        try (FaultServer server = FaultServer.start(request -> {
            try {
                return FaultServer.Response.json(200,
                        Files.readAllBytes(v2.resolve(request.path().substring("/feed/".length()))));
            } catch (NoSuchFileException e) {
                return FaultServer.Response.json(404, new byte[0]);
            }
        })) {
            String url = server.base().resolve("feed/").toString();
            // Calibration: how long the download and the install take here, now.
            Path calibration = copy(template, temp.resolve("calibration"));
            Duration download;
            Duration install;
            try (ChildJvm app = ChildJvm.start(CrashChild.class, "sync", calibration.toString(), url)) {
                app.awaitLine("SYNCING", LINE);
                long start = System.nanoTime();
                app.awaitLine("DOWNLOADED", LINE);
                long downloaded = System.nanoTime();
                String synced = app.awaitLine("SYNCED", LINE);
                long end = System.nanoTime();
                assertTrue(synced.startsWith("SYNCED updated 1 → 2"), synced);
                download = Duration.ofNanos(downloaded - start);
                install = Duration.ofNanos(end - downloaded);
            }
            System.out.println("[reliability] sync calibration: download " + download.toMillis() + " ms, install "
                    + install.toMillis() + " ms");
            // The whole change list of 1 → 2, as a run that was not killed recorded it.
            List<ContentChanges> whole;
            try (GuideStore store = GuideStore.open(calibration, CLOCK)) {
                whole = store.changes(0, Optional.empty());
            }
            assertEquals(1, whole.size());
            assertTrue(whole.get(0).items().size() > 900, "every item of every pack changed");

            List<String> points = new ArrayList<>();
            for (int i = 0; i < DOWNLOAD_POINTS; i++) {
                points.add("download " + i);
            }
            for (int i = 0; i < INSTALL_POINTS; i++) {
                points.add("install " + i);
            }
            points.add("after commit");
            int old = 0;
            int updated = 0;
            for (int p = 0; p < points.size(); p++) {
                String point = points.get(p);
                Path data = copy(template, temp.resolve("sync-" + p));
                try (ChildJvm app = ChildJvm.start(CrashChild.class, "sync", data.toString(), url)) {
                    app.awaitLine("SYNCING", LINE);
                    if (point.startsWith("download")) {
                        sleep(download.multipliedBy(p).dividedBy(DOWNLOAD_POINTS));
                    } else if (point.startsWith("install")) {
                        app.awaitLine("DOWNLOADED", LINE);
                        sleep(install.multipliedBy(p - DOWNLOAD_POINTS).dividedBy(INSTALL_POINTS));
                    } else {
                        app.awaitLine("SYNCED", LINE);
                    }
                    app.kill();
                }
                try (GuideStore store = GuideStore.open(data, CLOCK)) {
                    assertEquals(Optional.empty(), store.user().unseenRecovery(), point + ": a kill is not damage");
                    long found = ContentConsistency.check(store, versions, BigFeeds::marker);
                    if (point.equals("after commit")) {
                        assertEquals(2L, found, "a kill after the commit keeps the update");
                    }
                    // The change list is all there with the new version, or not at all with the old: never half.
                    List<ContentChanges> changes = store.changes(0, Optional.empty());
                    if (found == 1) {
                        old++;
                        assertEquals(List.of(), changes, point + ": no change list without the update");
                    } else {
                        updated++;
                        assertEquals(whole.get(0).items(), changes.get(0).items(), point + ": the whole list");
                        assertEquals(1, changes.size(), point);
                    }
                    // The next sync finishes the job, from whatever the killed one left in sync/.
                    SyncResult next = Sync.run(store, data, FeedSource.of(server.base().resolve("feed/"),
                            new JdkHttpTransport(Duration.ofSeconds(5)), TestKeys.pinnedDevelopment()), CLOCK,
                            (done, total) -> {});
                    assertTrue(next.succeeded(), point + ": " + next.describe());
                    assertEquals(2L, ContentConsistency.check(store, versions, BigFeeds::marker), point);
                    assertEquals(List.of(), list(data.resolve("sync/staging")), point + ": staging emptied");
                }
                delete(data);
            }
            report("sync", points.size(), "left the old version", old, "the new version", updated);
            assertTrue(old > 0, "kills while downloading leave the old version");
        }
    }

    // ---- checklist saving ----

    @Test
    void tickingKilledAnywhereKeepsEveryCommittedTickAndNoHalfOne() throws Exception {
        for (int point : TICK_POINTS) {
            Path data = temp.resolve("tick-" + point);
            try (ChildJvm app = ChildJvm.start(CrashChild.class, "tick", data.toString(), "100000")) {
                app.awaitLine("TICKED " + point, LINE);
                app.kill();
            }
            try (GuideStore store = GuideStore.open(data, CLOCK)) {
                assertEquals(Optional.empty(), store.user().unseenRecovery(), "a kill is not damage");
                Set<String> ticked = store.user().tickedItems(1, "RU", "before-you-leave");
                int last = ticked.size() - 1;
                assertTrue(last >= point, "tick " + point + " was committed before the kill: " + ticked);
                Set<String> expected = new TreeSet<>();
                for (int i = 0; i <= last; i++) {
                    expected.add("item-" + i);
                }
                assertEquals(expected, new TreeSet<>(ticked), "the ticks are a run with no gap");
                for (int i = 0; i <= point; i++) {
                    assertTrue(store.user().isBookmarked(new ItemRef(ItemKind.ARTICLE, "RU", "article-" + i)));
                }
                // The person can go on where they stopped.
                store.user().setTicked(1, "RU", "before-you-leave", "item-" + (last + 1), true);
                assertEquals(last + 2, store.user().tickedItems(1, "RU", "before-you-leave").size());
            }
            ContentConsistency.integrity(data);
            delete(data);
        }
        report("ticking", TICK_POINTS.size(), "points, each after the n-th committed tick:", TICK_POINTS.size(), "", 0);
    }

    // ---- helpers ----

    /** Runs the scenario to its end once; returns the time from {@code from} to {@code to}. */
    private Duration calibrate(String scenario, Path data, String argument, String from, String to) throws Exception {
        try (ChildJvm app = ChildJvm.start(CrashChild.class, scenario, data.toString(), argument)) {
            app.awaitLine(from, LINE);
            long start = System.nanoTime();
            app.awaitLine(to, LINE);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("[reliability] " + scenario + " calibration: " + took.toMillis() + " ms");
            return took;
        } finally {
            delete(data);
        }
    }

    private static void report(String what, int points, String firstLabel, int first, String secondLabel,
            int second) {
        System.out.println("[reliability] kill points, " + what + ": " + points + " (" + first + " " + firstLabel
                + (secondLabel.isEmpty() ? "" : ", " + second + " " + secondLabel) + ")");
    }

    private static void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

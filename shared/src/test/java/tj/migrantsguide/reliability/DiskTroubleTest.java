package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.ContentConsistency;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.ItemKind;
import tj.migrantsguide.store.ItemRef;
import tj.migrantsguide.store.StoreException;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * The data folder on storage that cannot be written (a read-only mount) or is full (a tmpfs with a size limit):
 * the guide opens for reading and says why, every write is refused with a named problem
 * ({@link StoreException.Problem}), a sync fails by name with the content unchanged, and nothing written before is
 * lost. Real mounts (see {@link Mounts}): needs root, as in CI.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // against a hang only
class DiskTroubleTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final ItemRef ARTICLE = new ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days");

    @TempDir
    static Path feeds;
    @TempDir
    Path temp;

    static Path small;
    static Map<Long, Feed> versions;
    private Mounts mounts;

    @BeforeAll
    static void feeds() throws Exception {
        assumeTrue(Mounts.available(), "mounting needs root (CI runs as root); skipped here");
        small = SyncUnderFaultsTest.fixture("installed-v2");
        versions = Map.of(
                1L, FeedReader.read(FeedFiles.directory(BigFeeds.write(feeds.resolve("v1"), 1, 10))),
                2L, FeedReader.read(FeedFiles.directory(BigFeeds.write(feeds.resolve("v2"), 2, 10))));
    }

    @BeforeEach
    void mounts() {
        mounts = new Mounts();
    }

    @AfterEach
    void unmount() throws Exception {
        mounts.close();
    }

    @Test
    void aReadOnlyFolderOpensForReadingKeepsWhatWasSavedAndRefusesWritesByName() throws Exception {
        Path data = temp.resolve("data");
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            guide.store().user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            guide.store().user().bookmark(ARTICLE);
        }
        mounts.readOnly(data);
        Set<String> filesBefore = files(data);

        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            GuideStore.ReadOnly why = guide.startReport().readOnly().orElseThrow();
            assertEquals(StoreException.Problem.READ_ONLY, why.problem());
            assertTrue(why.describe().contains("cannot be written"), why.describe());
            GuideStore store = guide.store();
            // Everything reads: content, search, the person's ticks and bookmarks.
            assertEquals("Registration", store.articles("RU", Language.ENGLISH).get(0).title());
            assertTrue(!store.search("Registration", Language.ENGLISH, 5).isEmpty());
            assertEquals(Set.of("foreign-passport"), store.user().tickedItems(1, "RU", "before-you-leave"));
            assertTrue(store.user().isBookmarked(ARTICLE));
            // Writes are refused with a reason a screen can say, not lost later.
            StoreException refused = assertThrows(StoreException.class,
                    () -> store.user().setTicked(1, "RU", "before-you-leave", "save-hotlines", true));
            assertEquals(StoreException.Problem.READ_ONLY, refused.problem(), refused.getMessage());
            assertEquals(StoreException.Problem.READ_ONLY, assertThrows(StoreException.class,
                    () -> store.user().removeBookmark(ARTICLE)).problem());
            SyncResult sync = Sync.run(store, data, FeedSource.of(java.net.URI.create("http://127.0.0.1:9/feed/"),
                    new JdkHttpTransport(Duration.ofSeconds(1)), TestKeys.pinnedDevelopment()), CLOCK, (d, t) -> {});
            assertTrue(assertInstanceOf(SyncResult.Failed.class, sync).cause().contains("cannot be written"),
                    sync.describe());
        }
        assertEquals(filesBefore, files(data), "nothing was written to the folder");

        mounts.unmount(data);
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            assertEquals(Optional.empty(), guide.startReport().readOnly());
            assertEquals(Set.of("foreign-passport"), guide.store().user().tickedItems(1, "RU", "before-you-leave"));
            guide.store().user().setTicked(1, "RU", "before-you-leave", "save-hotlines", true);
        }
    }

    @Test
    void aFirstStartOnReadOnlyStorageStillShowsTheGuideBuiltIntoTheApp() throws Exception {
        Path data = Files.createDirectories(temp.resolve("empty"));
        mounts.readOnly(data);
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            assertTrue(guide.startReport().importedSnapshot());
            assertEquals(StoreException.Problem.READ_ONLY, guide.startReport().readOnly().orElseThrow().problem());
            assertEquals("Registration", guide.store().articles("RU", Language.ENGLISH).get(0).title());
        }
        assertEquals(Set.of(), files(data));
    }

    @Test
    void aFullDiskFailsTheSyncByNameAndKeepsTheContentUntilThereIsRoomAgain() throws Exception {
        Path disk = mounts.tmpfs(temp.resolve("disk"), "16m");
        Path data = disk.resolve("data");
        Path v2 = feeds.resolve("v2");
        try (GuideStore store = GuideStore.open(data, CLOCK);
                FaultServer server = FaultServer.start(request -> {
                    try {
                        return FaultServer.Response.json(200,
                                Files.readAllBytes(v2.resolve(request.path().substring("/feed/".length()))));
                    } catch (NoSuchFileException e) {
                        return FaultServer.Response.json(404, new byte[0]);
                    }
                })) {
            store.install(versions.get(1L));
            Path filler = Mounts.fill(disk, 48 * 1024);
            FeedSource source = FeedSource.of(server.base().resolve("feed/"), new JdkHttpTransport(Duration.ofSeconds(5)),
                    TestKeys.pinnedDevelopment());

            // Full while downloading: no room to keep a verified pack.
            SyncResult full = Sync.run(store, data, source, CLOCK, (d, t) -> {});
            assertTrue(assertInstanceOf(SyncResult.Failed.class, full, full.describe()).describe()
                    .matches("(?s).*(No space left|disk is full|storage is full).*"), full.describe());
            assertEquals(1L, ContentConsistency.check(store, versions, BigFeeds::marker), "content unchanged");
            System.out.println("[reliability] sync on a full disk (downloading): " + full.describe());

            // Room for the packs, not for installing them: the transaction fails and rolls back.
            Files.delete(filler);
            long packs;
            try (var files = Files.walk(v2)) {
                packs = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            filler = Mounts.fill(disk, packs + 256 * 1024);
            SyncResult installing = Sync.run(store, data, source, CLOCK, (d, t) -> {});
            assertTrue(assertInstanceOf(SyncResult.Failed.class, installing, installing.describe()).describe()
                    .contains("storage is full"), installing.describe());
            assertEquals(1L, ContentConsistency.check(store, versions, BigFeeds::marker), "content unchanged");
            System.out.println("[reliability] sync on a full disk (installing): " + installing.describe());

            Files.delete(filler);
            SyncResult roomy = Sync.run(store, data, source, CLOCK, (d, t) -> {});
            assertInstanceOf(SyncResult.Updated.class, roomy, roomy.describe());
            assertEquals(2L, ContentConsistency.check(store, versions, BigFeeds::marker));
        }
    }

    @Test
    void aFullDiskRefusesATickByNameAndLosesNoOtherTick() throws Exception {
        Path disk = mounts.tmpfs(temp.resolve("disk"), "2m");
        Path data = disk.resolve("data");
        Set<String> saved = new LinkedHashSet<>();
        StoreException refused = null;
        try (GuideStore store = GuideStore.open(data, CLOCK)) {
            for (int i = 0; i < 10; i++) {
                store.user().setTicked(1, "RU", "before-you-leave", "item-" + i, true);
                saved.add("item-" + i);
            }
            Path filler = Mounts.fill(disk, 0);
            // The WAL may still have room in pages it already holds: tick on until the disk says no.
            for (int i = 10; i < 100_000 && refused == null; i++) {
                try {
                    store.user().setTicked(1, "RU", "before-you-leave", "item-" + i, true);
                    saved.add("item-" + i);
                } catch (StoreException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null, "a full disk refuses a tick at last");
            assertEquals(StoreException.Problem.DISK_FULL, refused.problem(), refused.getMessage());
            System.out.println("[reliability] tick on a full disk: " + refused.getMessage() + " (after "
                    + saved.size() + " ticks)");
            // Still usable for reading, with every tick that was saved.
            assertEquals(saved, Set.copyOf(store.user().tickedItems(1, "RU", "before-you-leave")));

            Files.delete(filler);
            store.user().setTicked(1, "RU", "before-you-leave", "after-freeing-space", true);
            saved.add("after-freeing-space");
        }
        try (GuideStore store = GuideStore.open(data, CLOCK)) {
            assertEquals(Optional.empty(), store.user().unseenRecovery(), "a full disk is not damage");
            assertEquals(saved, Set.copyOf(store.user().tickedItems(1, "RU", "before-you-leave")));
        }
        ContentConsistency.integrity(data);
    }

    @Test
    void aFolderOnAFullDiskOpensForReading() throws Exception {
        Path disk = mounts.tmpfs(temp.resolve("disk"), "2m");
        Path data = disk.resolve("data");
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            guide.store().user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
        }
        Mounts.fill(disk, 0);
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            assertEquals(StoreException.Problem.DISK_FULL, guide.startReport().readOnly().orElseThrow().problem());
            assertEquals(Set.of("foreign-passport"), guide.store().user().tickedItems(1, "RU", "before-you-leave"));
            assertEquals("Registration", guide.store().articles("RU", Language.ENGLISH).get(0).title());
        }
    }

    private static Set<String> files(Path folder) throws Exception {
        try (var list = Files.list(folder)) {
            return new java.util.TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }
}

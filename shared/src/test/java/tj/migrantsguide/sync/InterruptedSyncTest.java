package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.guide.Language;

/** A sync cut off half-way (network drop, app killed) resumes cleanly and never applies half a pack. */
class InterruptedSyncTest {
    @TempDir
    Path temp;

    private FeedServer server;
    private Device device;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (device != null) {
            device.close();
        }
    }

    /** Version 3 changing two packs: Tajik (downloaded first) and English. */
    private FeedIndex twoChangedPacks(Path feed) throws Exception {
        return TestFeeds.write(feed, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES,
                TestFeeds.titles("Бақайдгирӣ дар 15 рӯз", "Регистрация", "Registration within 15 days"),
                List.of(TestKeys.development()), List.of());
    }

    @Test
    void aSyncCutShortResumesWithoutDownloadingVerifiedPacksAgain() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        Device.Content before = device.content();
        FeedIndex v3 = twoChangedPacks(temp.resolve("feed"));
        PackEntry tajik = v3.pack("RU-tg").orElseThrow();
        PackEntry english = v3.pack("RU-en").orElseThrow();
        server = FeedServer.serving(temp.resolve("feed"));
        server.fault(english.file(), FeedServer.truncated());

        SyncResult cut = device.sync(server.url());
        assertEquals(Rejection.Reason.TRUNCATED, assertInstanceOf(SyncResult.Rejected.class, cut).reason());
        assertEquals(before, device.content());

        server.clearFaults();
        server.forgetRequests();
        SyncResult resumed = device.sync(server.url());

        long index = Files.size(temp.resolve("feed/index.json"));
        assertEquals(new SyncResult.Updated(2, 3, index + english.size(), 1), resumed);
        assertEquals(List.of("index.json", english.file()),
                server.requests().stream().map(FeedServer.Request::path).toList(), "the Tajik pack came from staging");
        assertEquals("Бақайдгирӣ дар 15 рӯз", device.store.articles("RU", Language.TAJIK).get(0).title());
        assertEquals(List.of(), staged(), "staging is emptied once the packs are installed");
        assertEquals(v3.packHashes().get(tajik.name()), device.store.installedPacks().get(tajik.name()));
    }

    @Test
    void leftoversOfAKilledSyncAreCheckedAndNeverInstalledAsTheyAre() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        PackEntry english = FeedFixtures.readIndex(FeedFixtures.committed("next-v3")).pack("RU-en").orElseThrow();
        Path staging = device.data.resolve("sync/staging");
        Files.createDirectories(staging);
        // A staged file under the right name with the wrong bytes (disk damage), and a temp file of a killed write.
        Files.writeString(staging.resolve(english.sha256() + ".json"), "{\"format\":2,\"country\":\"RU\"}");
        Files.writeString(staging.resolve(".tmp-123.part"), "{\"format\":2");
        server = FeedServer.serving(FeedFixtures.committed("next-v3"));

        SyncResult result = device.sync(server.url());

        assertInstanceOf(SyncResult.Updated.class, result, result.describe());
        assertEquals("Registration within 15 days", device.englishTitle());
        assertEquals(List.of("index.json", english.file()),
                server.requests().stream().map(FeedServer.Request::path).toList());
        assertEquals(List.of(), staged());
    }

    @Test
    void aRejectedSyncKeepsNoPacksOfAnIndexThatIsNoLongerServed() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        FeedIndex v3 = twoChangedPacks(temp.resolve("feed"));
        server = FeedServer.serving(temp.resolve("feed"));
        server.fault(v3.pack("RU-en").orElseThrow().file(), FeedServer.truncated());
        device.sync(server.url());
        assertEquals(1, staged().size());

        server.clearFaults();
        server.serve(FeedFixtures.committed("next-v3"));
        assertInstanceOf(SyncResult.Updated.class, device.sync(server.url()));

        assertEquals(List.of(), staged());
        assertFalse(device.store.articles("RU", Language.TAJIK).get(0).title().contains("15"));
    }

    private List<Path> staged() throws Exception {
        Path staging = device.data.resolve("sync/staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }
}

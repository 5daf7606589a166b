package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.guide.Language;

/** Sync that goes right: first install, incremental update, nothing new, over a real HTTP server. */
class SyncTest {
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

    private static long size(String fixture, String file) throws Exception {
        return Files.size(FeedFixtures.committed(fixture).resolve(file));
    }

    @Test
    void firstSyncInstallsTheWholeFeedOnAnEmptyDevice() throws Exception {
        server = FeedServer.serving(FeedFixtures.committed("installed-v2"));
        device = new Device(temp.resolve("data"));

        SyncResult result = device.sync(server.url());

        FeedIndex v2 = FeedFixtures.readIndex(FeedFixtures.committed("installed-v2"));
        long all = size("installed-v2", "index.json") + v2.packs().stream().mapToLong(PackEntry::size).sum();
        assertEquals(new SyncResult.Updated(0, 2, all, 4), result);
        assertEquals("Registration", device.englishTitle());
        assertEquals(v2.packHashes(), device.store.installedPacks());
    }

    @Test
    void anIncrementalUpdateDownloadsTheIndexAndTheChangedPackOnly() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(FeedFixtures.committed("next-v3"));
        PackEntry english = FeedFixtures.readIndex(FeedFixtures.committed("next-v3")).pack("RU-en").orElseThrow();
        String tajikBefore = device.store.articles("RU", Language.TAJIK).get(0).title();

        SyncResult result = device.sync(server.url());

        long expected = size("next-v3", "index.json") + english.size();
        assertEquals(new SyncResult.Updated(2, 3, expected, 1), result);
        assertEquals(expected, server.bodyBytes(), "bytes the server sent");
        assertEquals(List.of("index.json", english.file()), server.requests().stream().map(FeedServer.Request::path)
                .toList());
        assertEquals("Registration within 15 days", device.englishTitle());
        assertEquals(tajikBefore, device.store.articles("RU", Language.TAJIK).get(0).title());
        assertEquals(3, device.store.installedFeed().orElseThrow().version());
    }

    @Test
    void anUnchangedFeedCostsOneConditionalRequestAnsweredWith304() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(FeedFixtures.committed("next-v3"));
        assertInstanceOf(SyncResult.Updated.class, device.sync(server.url()));
        server.forgetRequests();

        SyncResult result = device.sync(server.url());

        assertEquals(new SyncResult.UpToDate(3, TestFeeds.EXPIRES, false), result);
        List<FeedServer.Request> requests = server.requests();
        assertEquals(1, requests.size());
        assertEquals(304, requests.get(0).status());
        assertEquals(0, server.bodyBytes());
        assertTrue(requests.get(0).headers().containsKey("If-none-match"), requests.get(0).headers().toString());
    }

    @Test
    void validatorsRememberedForAnotherVersionAreNotSent() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(FeedFixtures.committed("next-v3"));
        assertInstanceOf(SyncResult.Updated.class, device.sync(server.url()));
        // The database goes back to version 2 (as after a recovery) while the remembered ETag is version 3's:
        // a 304 would leave the device on version 2 for good.
        device.store.install(tj.migrantsguide.feed.FeedReader.read(
                tj.migrantsguide.feed.FeedFiles.directory(FeedFixtures.committed("installed-v2"))));
        server.forgetRequests();

        assertEquals(new SyncResult.Updated(2, 3, size("next-v3", "index.json")
                + FeedFixtures.readIndex(FeedFixtures.committed("next-v3")).pack("RU-en").orElseThrow().size(), 1),
                device.sync(server.url()));
        assertFalse(server.requests().get(0).headers().containsKey("If-none-match"));
    }

    @Test
    void theInstalledVersionServedAgainIsUpToDate() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(FeedFixtures.committed("installed-v2"));
        assertEquals(new SyncResult.UpToDate(2, TestFeeds.EXPIRES, false), device.sync(server.url()));
    }

    @Test
    void upToDateSaysWhenTheInstalledContentIsPastItsExpiry() throws Exception {
        Path data = temp.resolve("data");
        Device.withInstalled(data, FeedFixtures.committed("installed-v2")).close();
        Clock afterExpiry = Clock.fixed(TestFeeds.EXPIRES.plusSeconds(3600), ZoneOffset.UTC);
        device = new Device(data, afterExpiry);
        server = FeedServer.serving(FeedFixtures.committed("installed-v2"));

        SyncResult result = device.sync(server.url());

        assertEquals(new SyncResult.UpToDate(2, TestFeeds.EXPIRES, true), result);
        assertTrue(result.describe().contains("content may be out of date"), result.describe());
    }

    @Test
    void reportsProgressUpToTheTotal() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(FeedFixtures.committed("next-v3"));
        device.sync(server.url());

        long total = size("next-v3", "index.json")
                + FeedFixtures.readIndex(FeedFixtures.committed("next-v3")).pack("RU-en").orElseThrow().size();
        List<long[]> progress = device.progress;
        assertFalse(progress.isEmpty());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0], "bytes done never go back");
        }
        long[] last = progress.get(progress.size() - 1);
        assertEquals(total, last[0]);
        assertEquals(total, last[1]);
    }

    @Test
    void remembersTheLastSuccessfulSyncAcrossAFailedOne() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(FeedFixtures.committed("next-v3"));
        assertEquals(SyncHistory.NONE, SyncHistory.read(device.data));
        device.sync(server.url());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SyncResult offline = device.sync(URI.create("http://127.0.0.1:" + closedPort + "/feed/"));

        SyncHistory history = SyncHistory.read(device.data);
        assertEquals(Optional.of(FeedFixtures.NOW), history.lastSuccess());
        assertEquals(Optional.of(offline.describe()), history.lastResult());
    }

    @Test
    void aDamagedSyncHistoryReadsAsNoHistoryAndItsOtherFieldsAreIgnored() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path file = Files.createDirectories(data.resolve("sync")).resolve("last-sync.json");
        for (String damaged : List.of("", "{\"last_attempt\":\"2026-", "[1]", "not json", "{\"last_success\":\"yesterday\"}")) {
            Files.writeString(file, damaged);
            assertEquals(SyncHistory.NONE, SyncHistory.read(data), damaged);
        }
        Files.writeString(file, "{\"outcome\":{\"x\":[1]},\"last_result\":\"offline\",\"last_success\":\"2026-12-01T10:00:00Z\",\"n\":5}");
        assertEquals(new SyncHistory(Optional.empty(), Optional.of("offline"), Optional.of(Instant.parse("2026-12-01T10:00:00Z"))),
                SyncHistory.read(data));
    }

    @Test
    void packsTheNewIndexNoLongerListsAreRemoved() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        Path feed = temp.resolve("without-english");
        FeedWriter.write(feed, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, TestFeeds.common(),
                List.of(TestFeeds.russia(Language.TAJIK, "Бақайдгирӣ"), TestFeeds.russia(Language.RUSSIAN, "Регистрация")),
                List.of(), List.of(TestKeys.development()));
        server = FeedServer.serving(feed);

        assertEquals(new SyncResult.Updated(2, 3, Files.size(feed.resolve("index.json")), 0), device.sync(server.url()));
        assertEquals(List.of(), device.store.articles("RU", Language.ENGLISH));
        assertNull(device.store.installedPacks().get("RU-en"));
        assertEquals(1, device.store.articles("RU", Language.TAJIK).size());
    }

    @Test
    void theFeedAddressMayBeTypedWithoutTheFinalSlashOrAsTheIndexItself() {
        FeedSource bare = sourceFor("https://example.org/feed");
        FeedSource index = sourceFor("https://example.org/feed/index.json");
        assertEquals(URI.create("https://example.org/feed/index.json"), bare.indexUrl());
        assertEquals(URI.create("https://example.org/feed/index.json"), index.indexUrl());
        assertEquals(URI.create("https://example.org/feed/packs/ab.json"), bare.fileUrl("packs/ab.json"));
    }

    private static FeedSource sourceFor(String url) {
        return FeedSource.of(URI.create(url), request -> {
            throw new java.io.IOException("not used");
        }, TestKeys.pinnedDevelopment());
    }
}

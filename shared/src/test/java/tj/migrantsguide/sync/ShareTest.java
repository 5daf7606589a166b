package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.share.ShareServer;
import tj.migrantsguide.store.Provenance;

/**
 * Passing the signed feed on without internet: a sharer's kept files served on loopback by {@link ShareServer},
 * and written to a folder ({@code export-feed}) that another device syncs from ({@code sync DIR}). The receiver
 * checks everything as from the Ministry's feed.
 */
class ShareTest {
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(FeedFixtures.NOW, java.time.ZoneOffset.UTC);

    @TempDir
    Path temp;

    private FeedServer ministry;
    private ShareServer share;
    private Guide sharer;
    private Device receiver;

    @AfterEach
    void stop() {
        for (AutoCloseable open : new AutoCloseable[] {share, ministry, receiver, sharer}) {
            if (open != null) {
                try {
                    open.close();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** A device that started from the app's snapshot (v1) and then synced v2 from the Ministry. */
    private Guide sharerAtVersion2() throws Exception {
        Path v1 = TestFeeds.writeFeed(temp.resolve("v1"), 1, "Registration");
        Guide guide = Guide.open(temp.resolve("sharer"), FeedFiles.directory(v1), CLOCK);
        ministry = FeedServer.serving(ChangesAfterSyncTest.version2(temp.resolve("v2")));
        SyncResult result = Sync.run(guide.store(), guide.dataDirectory(), source(ministry.url()), CLOCK,
                (done, total) -> {});
        assertInstanceOf(SyncResult.Updated.class, result, result.describe());
        return guide;
    }

    private static FeedSource source(URI url) {
        return FeedSource.of(url, new tj.migrantsguide.transport.JdkHttpTransport(Duration.ofSeconds(2)),
                TestKeys.pinnedDevelopment()).withLimits(Device.FAST);
    }

    private KeptFeed.Ready kept(Guide guide) {
        long version = guide.store().installedFeed().orElseThrow().version();
        return assertInstanceOf(KeptFeed.Ready.class, KeptFeed.in(guide.dataDirectory()).check(version));
    }

    private Device receiverAtVersion1() throws Exception {
        Path v1 = temp.resolve("v1");
        if (!Files.exists(v1)) {
            TestFeeds.writeFeed(v1, 1, "Registration");
        }
        return Device.withInstalled(temp.resolve("receiver"), v1);
    }

    private ShareServer startSharing(Guide guide) throws Exception {
        return ShareServer.start(kept(guide), InetAddress.getLoopbackAddress(), 0, ShareServer.Limits.DEFAULT);
    }

    @Test
    void theSnapshotAndEachUpdateAreKeptAsReceived() throws Exception {
        sharer = sharerAtVersion2();
        KeptFeed.Ready kept = kept(sharer);

        assertEquals(2, kept.index().version());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(temp.resolve("v2/index.json")),
                Files.readAllBytes(kept.folder().resolve("index.json"))), "the index as received");
        for (PackEntry entry : kept.index().packs()) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(temp.resolve("v2").resolve(entry.file())),
                    Files.readAllBytes(kept.folder().resolve(entry.file()))), entry.name());
        }
        try (var files = Files.list(kept.folder().resolve("packs"))) {
            assertEquals(kept.index().packs().size(), files.count(), "packs of version 1 no longer listed are gone");
        }
    }

    @Test
    void aSecondDeviceSyncsFromTheSharerOverTheNetworkAndChecksTheSignature() throws Exception {
        sharer = sharerAtVersion2();
        share = startSharing(sharer);
        receiver = receiverAtVersion1();

        SyncResult result = receiver.sync(share.url());

        assertEquals(2, assertInstanceOf(SyncResult.Updated.class, result).to());
        assertEquals(sharer.store().installedPacks(), receiver.store.installedPacks());
        Provenance provenance = receiver.store.provenance().orElseThrow();
        assertEquals(Provenance.Origin.NETWORK, provenance.origin());
        assertEquals(Optional.of("127.0.0.1"), provenance.place());
        assertEquals(Optional.of(TestKeys.development().publicKey().keyId()), provenance.signedBy());
        assertEquals(1, receiver.store.changes(0, Optional.empty()).size(), "what changed, as from the Ministry");
    }

    @Test
    void aSharerWhosePacksWereAlteredOnDiskIsRefusedAndTheReceiverKeepsItsContent() throws Exception {
        sharer = sharerAtVersion2();
        share = startSharing(sharer);
        receiver = receiverAtVersion1();
        Device.Content before = receiver.content();
        PackEntry english = share.feed().index().pack("RU-en").orElseThrow();
        Path file = share.feed().folder().resolve(english.file());
        String altered = Files.readString(file).replace("227-07-07-08", "999-99-99-99");
        Files.writeString(file, altered);

        SyncResult result = receiver.sync(share.url());

        Rejection rejection = assertInstanceOf(SyncResult.Rejected.class, result).rejection();
        assertEquals(Rejection.Reason.TAMPERED_PACK, rejection.reason());
        assertEquals(before, receiver.content());
        assertEquals(List.of(), receiver.store.changes(0, Optional.empty()));
    }

    @Test
    void anOlderSharerIsRefused() throws Exception {
        Path v1 = TestFeeds.writeFeed(temp.resolve("v1"), 1, "Registration");
        sharer = Guide.open(temp.resolve("sharer"), FeedFiles.directory(v1), CLOCK);
        share = startSharing(sharer);
        receiver = Device.withInstalled(temp.resolve("receiver"),
                ChangesAfterSyncTest.version2(temp.resolve("v2")));

        SyncResult result = receiver.sync(share.url());

        assertEquals(new Rejection.Rollback(2, 1), assertInstanceOf(SyncResult.Rejected.class, result).rejection());
    }

    @Test
    void theShareServerIsReadOnlyAndServesOnlyTheListedFiles() throws Exception {
        sharer = sharerAtVersion2();
        share = startSharing(sharer);
        HttpClient client = HttpClient.newHttpClient();

        assertEquals(200, status(client, "GET", "index.json"));
        assertEquals(405, status(client, "POST", "index.json"));
        assertEquals(405, status(client, "PUT", "packs/x.json"));
        assertEquals(404, status(client, "GET", "content.db"));
        assertEquals(404, status(client, "GET", "pending-index.json"));
        assertEquals(404, status(client, "GET", "packs/"));
        // Jetty refuses an encoded climb out of the root as a bad request before any handler sees it.
        assertEquals(400, status(client, "GET", "%2e%2e/%2e%2e/content.db"));
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        sharer = sharerAtVersion2();
        share = ShareServer.start(kept(sharer), InetAddress.getLoopbackAddress(), 0,
                new ShareServer.Limits(4, Duration.ofMillis(300), 4));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), share.url().getPort())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            // Nothing sent: the server hangs up instead of holding a thread or a connection for ever.
            assertEquals(-1, in.read());
        }
    }

    // ---- folders ----

    @Test
    void anExportedFolderInstallsOnAnotherDeviceWithTheSameChecks() throws Exception {
        sharer = sharerAtVersion2();
        Path stick = temp.resolve("stick");
        KeptFeed.export(kept(sharer), stick);
        receiver = receiverAtVersion1();

        SyncResult result = receiver.sync(FeedSource.folder(stick, TestKeys.pinnedDevelopment()));

        assertEquals(2, assertInstanceOf(SyncResult.Updated.class, result).to());
        Provenance provenance = receiver.store.provenance().orElseThrow();
        assertEquals(Provenance.Origin.FOLDER, provenance.origin());
        assertEquals(Optional.of(stick.toAbsolutePath().toString()), provenance.place());
        assertTrue(receiver.progress.size() > 1, "progress as for a download");
    }

    @Test
    void aFolderWithAMissingPackIsRefusedByName() throws Exception {
        sharer = sharerAtVersion2();
        Path stick = temp.resolve("stick");
        KeptFeed.Ready exported = KeptFeed.export(kept(sharer), stick);
        PackEntry english = exported.index().pack("RU-en").orElseThrow();
        Files.delete(stick.resolve(english.file()));
        receiver = receiverAtVersion1();
        Device.Content before = receiver.content();

        SyncResult result = receiver.sync(FeedSource.folder(stick, TestKeys.pinnedDevelopment()));

        assertEquals(new Rejection.MissingFile(english.file()),
                assertInstanceOf(SyncResult.Rejected.class, result).rejection());
        assertEquals(before, receiver.content());
    }

    @Test
    void aSymlinkLeavingTheFolderIsRefusedByName() throws Exception {
        sharer = sharerAtVersion2();
        Path stick = temp.resolve("stick");
        KeptFeed.Ready exported = KeptFeed.export(kept(sharer), stick);
        PackEntry english = exported.index().pack("RU-en").orElseThrow();
        // Even the right bytes are not read through a link that leaves the folder.
        Path outside = Files.copy(stick.resolve(english.file()), temp.resolve("outside.json"));
        Files.delete(stick.resolve(english.file()));
        Files.createSymbolicLink(stick.resolve(english.file()), outside);
        receiver = receiverAtVersion1();

        SyncResult result = receiver.sync(FeedSource.folder(stick, TestKeys.pinnedDevelopment()));

        assertEquals(new Rejection.OutsideFolder(english.file(), outside.toRealPath().toString()),
                assertInstanceOf(SyncResult.Rejected.class, result).rejection());
    }

    @Test
    void aFolderWithoutAnIndexIsRefusedByName() throws Exception {
        receiver = receiverAtVersion1();

        SyncResult result = receiver.sync(FeedSource.folder(Files.createDirectories(temp.resolve("empty")),
                TestKeys.pinnedDevelopment()));

        assertEquals(new Rejection.MissingFile("index.json"),
                assertInstanceOf(SyncResult.Rejected.class, result).rejection());
    }

    @Test
    void aPendingIndexLeftByAKillAfterTheCommitIsAdopted() throws Exception {
        sharer = sharerAtVersion2();
        KeptFeed kept = KeptFeed.in(sharer.dataDirectory());
        Path index = kept.folder().resolve("index.json");
        // As if killed between the commit and the rename: the new index still pending, the old one in place.
        Files.move(index, kept.folder().resolve(KeptFeed.PENDING));
        Files.copy(temp.resolve("v1/index.json"), index);

        KeptFeed.Ready ready = assertInstanceOf(KeptFeed.Ready.class, kept.check(2));

        assertEquals(2, ready.index().version());
        assertEquals(new KeptFeed.NotReady(KeptFeed.Problem.OTHER_VERSION, "kept version 2, installed 3"),
                kept.check(3));
    }

    private int status(HttpClient client, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(share.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.sync.Rejection.Reason;

/**
 * Every threat of docs/feed-format.md ("Threats"), each from its fixture in resources/feeds/: the sync ends with
 * the named rejection and its data, and the installed content is exactly what it was.
 */
class SyncThreatTest {
    @TempDir
    Path temp;

    private Device device;
    private FeedServer server;
    private Device.Content before;

    private void start(Path served) throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        before = device.content();
        server = FeedServer.serving(served);
    }

    private void start(String fixture) throws Exception {
        start(FeedFixtures.committed(fixture));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (device != null) {
            device.close();
        }
    }

    /** The sync was refused for {@code reason} and the device still shows exactly what it showed before. */
    private <R extends Rejection> R assertRejected(Class<R> type) {
        SyncResult result = device.sync(server.url());
        SyncResult.Rejected rejected = assertInstanceOf(SyncResult.Rejected.class, result, result.describe());
        assertEquals(before, device.content(), "a refused sync must leave the content as it was");
        return assertInstanceOf(type, rejected.rejection());
    }

    private static PackEntry englishOfV3() throws Exception {
        return FeedFixtures.readIndex(FeedFixtures.committed("next-v3")).pack("RU-en").orElseThrow();
    }

    @Test
    void rejectsAPackWhoseBytesDoNotMatchTheSignedHash() throws Exception {
        start("tampered-pack");
        Rejection.TamperedPack tampered = assertRejected(Rejection.TamperedPack.class);
        assertEquals("RU-en", tampered.pack());
        assertEquals(englishOfV3().sha256(), tampered.expectedSha256());
        assertEquals(Reason.TAMPERED_PACK, tampered.reason());
    }

    @Test
    void rejectsAnIndexChangedAfterItWasSigned() throws Exception {
        start("tampered-index");
        Rejection.BadSignature bad = assertRejected(Rejection.BadSignature.class);
        assertEquals(List.of(TestKeys.development().keyId()), bad.keyIds());
    }

    @Test
    void rejectsAnIndexSignedByAKeyTheDeviceDoesNotTrust() throws Exception {
        start("unknown-key");
        Rejection.UnknownKey unknown = assertRejected(Rejection.UnknownKey.class);
        assertEquals(List.of(TestKeys.derived("stranger").keyId()), unknown.keyIds());
    }

    @Test
    void rejectsAnIndexWithNoSignatureAtAll() throws Exception {
        Path feed = copy("next-v3");
        FeedIndex index = FeedFixtures.readIndex(feed);
        Files.write(feed.resolve(FeedWriter.INDEX), FeedCodec.writeIndex(index));
        start(feed);
        Rejection.UnknownKey unknown = assertRejected(Rejection.UnknownKey.class);
        assertEquals(List.of(), unknown.keyIds());
        assertEquals("no signature", unknown.details());
    }

    @Test
    void rejectsFeedWhoseVersionIsOlderThanInstalled() throws Exception {
        start("rollback");
        assertEquals(new Rejection.Rollback(2, 1), assertRejected(Rejection.Rollback.class));
    }

    @Test
    void rejectsTheInstalledVersionNumberWithOtherContent() throws Exception {
        start("same-version-other-content");
        assertEquals(new Rejection.SameVersionOtherContent(2, List.of("RU-en")),
                assertRejected(Rejection.SameVersionOtherContent.class));
    }

    @Test
    void refusesAnExpiredIndexAndSaysTheContentMayBeOutOfDate() throws Exception {
        start("expired");
        Rejection.Expired expired = assertRejected(Rejection.Expired.class);
        assertEquals(new Rejection.Expired(3, Instant.parse("2026-11-01T00:00:00Z"), FeedFixtures.NOW), expired);
        assertTrue(expired.details().contains("content may be out of date"), expired.details());
        assertTrue(SyncHistory.read(device.data).lastResult().orElseThrow().contains("EXPIRED"));
    }

    @Test
    void rejectsAPackFromAnotherVersionServedAtTheNewPacksAddress() throws Exception {
        start("mix-and-match");
        Rejection.MixAndMatch mix = assertRejected(Rejection.MixAndMatch.class);
        assertEquals("RU-en", mix.pack());
        assertTrue(mix.problem().contains("older version"), mix.problem());
    }

    @Test
    void rejectsAPackWhoseContentIsAnotherLanguageThanItsEntry() throws Exception {
        // A genuine signature over an index whose "RU-en" entry names the Russian pack's bytes (with their hash):
        // only reading the pack shows the mix.
        Path feed = copy("next-v3");
        FeedIndex v3 = FeedFixtures.readIndex(feed);
        PackEntry russian = v3.pack("RU-ru").orElseThrow();
        List<PackEntry> entries = v3.packs().stream()
                .map(e -> e.name().equals("RU-en")
                        ? new PackEntry("RU-en", russian.file(), russian.size(), russian.sha256()) : e)
                .toList();
        FeedWriter.writeIndex(feed, new FeedIndex(FeedIndex.FORMAT, 3, v3.published(), v3.expires(), entries),
                List.of(TestKeys.development()));
        start(feed);
        Rejection.MixAndMatch mix = assertRejected(Rejection.MixAndMatch.class);
        assertEquals(new Rejection.MixAndMatch("RU-en", "the file holds RU-ru"), mix);
    }

    @Test
    void endsAnEndlessIndexAtTheCap() throws Exception {
        start("next-v3");
        server.fault("index.json", FeedServer.endless());
        assertEquals(new Rejection.TooLarge("index.json", SyncLimits.DEFAULT.maxIndexBytes()),
                assertRejected(Rejection.TooLarge.class));
    }

    @Test
    void rejectsAPackLongerThanItsSignedSize() throws Exception {
        start("next-v3");
        PackEntry english = englishOfV3();
        server.fault(english.file(), FeedServer.oversized(100));
        assertEquals(new Rejection.TooLarge(english.file(), english.size()), assertRejected(Rejection.TooLarge.class));
    }

    @Test
    void rejectsAPackCutShortAndNeverAppliesHalfOfIt() throws Exception {
        start("next-v3");
        PackEntry english = englishOfV3();
        server.fault(english.file(), FeedServer.truncated());
        Rejection.Truncated truncated = assertRejected(Rejection.Truncated.class);
        assertEquals(english.file(), truncated.file());
        assertEquals(english.size(), truncated.expected());
        assertTrue(truncated.received() < english.size());
    }

    @Test
    void rejectsACaptivePortalPageInsteadOfTheIndex() throws Exception {
        start("next-v3");
        byte[] page = Files.readAllBytes(FeedFixtures.committed("wrong-content-type").resolve("portal.html"));
        server.fault("index.json", FeedServer.contentType("text/html; charset=utf-8", page));
        assertEquals(new Rejection.WrongContentType("index.json", "text/html; charset=utf-8"),
                assertRejected(Rejection.WrongContentType.class));
    }

    @Test
    void endsTheSyncWhenTheServerNeverAnswers() throws Exception {
        start("next-v3");
        server.fault("index.json", FeedServer.hang());
        assertEquals(Rejection.Timeout.Phase.NO_RESPONSE, assertRejected(Rejection.Timeout.class).phase());
    }

    @Test
    void endsTheSyncWhenTheServerFallsSilentAfterTheHeaders() throws Exception {
        start("next-v3");
        server.fault(englishOfV3().file(), FeedServer.headersThenSilence());
        Rejection.Timeout timeout = assertRejected(Rejection.Timeout.class);
        assertEquals(Rejection.Timeout.Phase.STALLED, timeout.phase());
        assertEquals(englishOfV3().file(), timeout.file());
    }

    @Test
    void endsTheSyncWhenTheServerTricklesBytesForever() throws Exception {
        start("next-v3");
        server.fault("index.json", FeedServer.trickle());
        assertEquals(new Rejection.Timeout("index.json", Rejection.Timeout.Phase.TOO_SLOW, Device.FAST.slowGrace()),
                assertRejected(Rejection.Timeout.class));
    }

    @Test
    void rejectsAGzipBomb() throws Exception {
        start("next-v3");
        byte[] bomb = Files.readAllBytes(FeedFixtures.committed("gzip-bomb").resolve("index.json.gz"));
        assertTrue(bomb.length < 100_000, "the fixture is small on the wire");
        server.fault("index.json", FeedServer.encoded("gzip", bomb));
        assertEquals(new Rejection.CompressionBomb("index.json", SyncLimits.DEFAULT.maxIndexBytes()),
                assertRejected(Rejection.CompressionBomb.class));
    }

    @Test
    void rejectsAContentEncodingItDidNotAskFor() throws Exception {
        start("next-v3");
        byte[] index = Files.readAllBytes(FeedFixtures.committed("next-v3").resolve("index.json"));
        server.fault("index.json", FeedServer.encoded("br", index));
        assertEquals(new Rejection.UnsupportedEncoding("index.json", "br"),
                assertRejected(Rejection.UnsupportedEncoding.class));
    }

    @Test
    void namesTheStatusOfAnHttpError() throws Exception {
        start("next-v3");
        server.fault("index.json", FeedServer.status(503));
        assertEquals(new Rejection.HttpError("index.json", 503), assertRejected(Rejection.HttpError.class));
    }

    @Test
    void rejectsAnIndexThatIsNotJson() throws Exception {
        start("next-v3");
        server.fault("index.json", FeedServer.body("<feed/>".getBytes()));
        assertEquals(Reason.BAD_FORMAT, assertRejected(Rejection.BadFormat.class).reason());
    }

    @Test
    void saysOfflineWhenNothingAnswersAndChangesNothing() throws Exception {
        start("next-v3");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SyncResult result = device.sync(URI.create("http://127.0.0.1:" + closedPort + "/feed/"));
        assertInstanceOf(SyncResult.Offline.class, result, result.describe());
        assertEquals(before, device.content());
    }

    @Test
    void acceptsAGzippedAnswerItAskedFor() throws Exception {
        start("next-v3");
        byte[] index = Files.readAllBytes(FeedFixtures.committed("next-v3").resolve("index.json"));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(index);
        }
        server.fault("index.json", FeedServer.encoded("gzip", gzipped.toByteArray()));
        SyncResult result = device.sync(server.url());
        assertEquals(new SyncResult.Updated(2, 3, gzipped.size() + englishOfV3().size(), 1), result);
        assertTrue(server.requests().get(0).headers().get("Accept-encoding").contains("gzip"));
    }

    private Path copy(String fixture) throws Exception {
        Path from = FeedFixtures.committed(fixture);
        Path to = temp.resolve("served-" + fixture);
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}

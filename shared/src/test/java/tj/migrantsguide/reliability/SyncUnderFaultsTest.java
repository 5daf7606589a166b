package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.reliability.FaultServer.Fault;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncLimits;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * Sync against a server that breaks HTTP in every way {@link FaultServer} knows, on the index and on a pack: each
 * run ends with a named result (a rejection or "offline", never an exception, never "updated"), within a bound, and
 * the installed content is exactly what it was. After the whole barrage the healed server's update installs cleanly
 * (leftovers of the broken runs are no obstacle).
 */
class SyncUnderFaultsTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    /**
     * Short network bounds, as in the other sync tests, so that a hang costs under a second. The bound asserted
     * below (30 s) is far above them: it proves that the watchdog ends every fault, not how fast.
     */
    static final SyncLimits LIMITS = new SyncLimits(SyncLimits.DEFAULT.maxIndexBytes(),
            SyncLimits.DEFAULT.maxPackBytes(), Duration.ofMillis(800), Duration.ofMillis(800), Duration.ofMillis(800),
            1024);
    static final Duration BOUND = Duration.ofSeconds(30);

    /**
     * What the device says under each fault. Several reasons are right for some faults (a reset may reach the client
     * before or after the bytes sent ahead of it); each is still a named, expected result.
     */
    static final Map<Fault, Set<String>> EXPECTED = expected();

    private static Map<Fault, Set<String>> expected() {
        Map<Fault, Set<String>> m = new LinkedHashMap<>();
        m.put(Fault.SLOW_BYTES, Set.of("TIMEOUT"));
        // Always TRUNCATED since the JDK transport reports a body cut before it handed the response over (SyncDeadlineTest).
        m.put(Fault.RESET_MID_BODY, Set.of("TRUNCATED"));
        m.put(Fault.SHORT_BODY, Set.of("TRUNCATED"));
        // The client stops at the length it was told: the index is then not JSON, a pack is too short.
        m.put(Fault.LENGTH_TOO_SMALL, Set.of("BAD_FORMAT", "TRUNCATED"));
        m.put(Fault.BAD_LENGTH, Set.of("offline"));
        m.put(Fault.REDIRECT_LOOP, Set.of("HTTP_ERROR"));
        m.put(Fault.SERVER_ERROR, Set.of("HTTP_ERROR"));
        m.put(Fault.UNAVAILABLE, Set.of("HTTP_ERROR"));
        m.put(Fault.WRONG_TYPE, Set.of("WRONG_CONTENT_TYPE"));
        // The JDK client refuses headers past 384 kB ("offline"); a slower machine may reach the timeout first.
        m.put(Fault.HUGE_HEADERS, Set.of("offline", "TIMEOUT"));
        m.put(Fault.NO_RESPONSE, Set.of("TIMEOUT"));
        m.put(Fault.HEADERS_THEN_SILENCE, Set.of("TIMEOUT"));
        m.put(Fault.CLOSE_AT_ONCE, Set.of("offline"));
        m.put(Fault.NOT_HTTP, Set.of("offline"));
        m.put(Fault.BROKEN_CHUNKS, Set.of("TRUNCATED", "offline"));
        return m;
    }

    @TempDir
    Path temp;

    private FaultServer server;
    private GuideStore store;
    private Path feed;
    private FeedIndex next;

    @BeforeEach
    void device() throws Exception {
        Path installed = fixture("installed-v2");
        feed = fixture("next-v3");
        next = FeedCodec.readIndex("index.json", Files.readAllBytes(feed.resolve("index.json")));
        store = GuideStore.open(temp.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
        store.install(FeedReader.read(FeedFiles.directory(installed)));
        server = FaultServer.start(request -> {
            String path = request.path();
            if (!path.startsWith("/feed/")) {
                return FaultServer.Response.json(404, new byte[0]);
            }
            try {
                return FaultServer.Response.json(200, Files.readAllBytes(feed.resolve(path.substring("/feed/".length()))));
            } catch (NoSuchFileException e) {
                return FaultServer.Response.json(404, new byte[0]);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(SyncUnderFaultsTest.class.getResource("/feeds/" + name).toURI());
    }

    private SyncResult sync() {
        FeedSource source = FeedSource.of(server.base().resolve("feed/"), new JdkHttpTransport(Duration.ofSeconds(2)),
                TestKeys.pinnedDevelopment()).withLimits(LIMITS);
        return Sync.run(store, temp.resolve("data"), source, Clock.fixed(NOW, ZoneOffset.UTC), (done, total) -> {});
    }

    /** What a screen could read: every country pack, in every language, and the installed version. */
    private List<Object> content() {
        List<Object> all = new ArrayList<>();
        all.add(store.installedFeed());
        all.add(store.installedPacks());
        all.add(store.countries());
        for (Language language : Language.values()) {
            all.add(store.articles("RU", language));
            all.add(store.contacts("RU", language));
            all.add(store.checklists("RU", language));
        }
        return all;
    }

    private static String outcome(SyncResult result) {
        if (result instanceof SyncResult.Rejected rejected) {
            return rejected.reason().name();
        }
        if (result instanceof SyncResult.Offline) {
            return "offline";
        }
        return result.describe();
    }

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES) // against a hang only
    void everyFaultOnTheIndexOrAPackEndsNamedInTimeAndChangesNothing() throws Exception {
        List<Object> before = content();
        String changedPack = "/feed/" + next.pack("RU-en").orElseThrow().file();
        Map<String, String> seen = new LinkedHashMap<>();
        for (String target : List.of("/feed/index.json", changedPack)) {
            for (Fault fault : EnumSet.allOf(Fault.class)) {
                server.heal();
                server.fault(target, fault);
                long start = System.nanoTime();
                SyncResult result = sync();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                String name = (target.endsWith("index.json") ? "index" : "pack") + " " + fault;
                seen.put(name, outcome(result) + " in " + took.toMillis() + " ms");
                if (took.compareTo(BOUND) > 0) {
                    fail(name + " took " + took + ": " + result.describe());
                }
                if (!EXPECTED.get(fault).contains(outcome(result))) {
                    fail(name + " ended " + result.describe() + ", expected one of " + EXPECTED.get(fault));
                }
                assertEquals(before, content(), name + " changed the content");
            }
        }
        // The figures for docs/reliability.md: each fault and what the device said.
        seen.forEach((fault, result) -> System.out.println("[reliability] sync under " + fault + ": " + result));
        System.out.println("[reliability] sync fault kinds: " + Fault.values().length + ", runs: " + seen.size());

        server.heal();
        SyncResult healed = sync();
        assertEquals(3L, assertInstanceOf(SyncResult.Updated.class, healed, healed.describe()).to());
        assertEquals("Registration within 15 days", store.articles("RU", Language.ENGLISH).get(0).title());
        try (var staged = Files.list(temp.resolve("data/sync/staging"))) {
            assertEquals(0, staged.count(), "no leftovers once installed");
        }
    }

    @Test
    void aServerThatAlwaysFailsLeavesTheGuideReadable() throws IOException {
        server.faultEverywhere(Fault.RESET_MID_BODY);
        for (int i = 0; i < 3; i++) {
            SyncResult result = sync();
            assertTrue(result instanceof SyncResult.Rejected || result instanceof SyncResult.Offline,
                    result.describe());
        }
        assertEquals(2L, store.installedFeed().orElseThrow().version());
        assertTrue(!store.search("Registration", Language.ENGLISH, 5).isEmpty(), "search still works");
    }
}

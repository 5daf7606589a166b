package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.store.ContentConsistency;
import tj.migrantsguide.store.ContentUpdate;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.store.SearchHit;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncLimits;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * Screens read while an update installs and while a sync waits on the network: every read succeeds, shows one
 * version (never rows or hits of two), and none waits for the install (readers have their own connection; WAL lets
 * them read the last committed content while the writer works). The person's own writes (ticks) and the outbox's
 * (another connection to user.db) wait for each other instead of failing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // against a hang only; nothing here is timed
class ReadingDuringUpdateTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Larger than in CrashTest: the install should take long enough for many reads to overlap it. */
    static final int ARTICLES = 60;

    @TempDir
    static Path feeds;
    @TempDir
    Path temp;

    static Map<Long, Feed> versions;

    @BeforeAll
    static void writeFeeds() throws Exception {
        versions = Map.of(
                1L, FeedReader.read(FeedFiles.directory(BigFeeds.write(feeds.resolve("v1"), 1, ARTICLES))),
                2L, FeedReader.read(FeedFiles.directory(BigFeeds.write(feeds.resolve("v2"), 2, ARTICLES))));
    }

    /** Which version a list of titles belongs to; fails when it mixes versions. */
    private static long versionOf(List<String> titles) {
        Set<Long> seen = new HashSet<>();
        for (String title : titles) {
            for (long v : versions.keySet()) {
                if (title.contains(BigFeeds.marker(v))) {
                    seen.add(v);
                }
            }
        }
        assertEquals(1, seen.size(), "one version in one read: " + titles.subList(0, Math.min(3, titles.size())));
        return seen.iterator().next();
    }

    @Test
    void readsDuringALargeInstallNeverFailNeverMixVersionsAndDoNotWaitForIt() throws Exception {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(versions.get(1L));
            Feed next = versions.get(2L);
            AtomicBoolean installing = new AtomicBoolean(true);
            AtomicLong maxReadNanos = new AtomicLong();
            AtomicLong readsDuring = new AtomicLong();
            ConcurrentLinkedQueue<Long> versionsSeen = new ConcurrentLinkedQueue<>();
            List<String> countries = BigFeeds.COUNTRIES;
            ExecutorService readers = Executors.newFixedThreadPool(3);
            CountDownLatch started = new CountDownLatch(3);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                int reader = r;
                running.add(readers.submit(() -> {
                    SplittableRandom random = new SplittableRandom(reader);
                    started.countDown();
                    while (installing.get()) {
                        String country = countries.get(random.nextInt(countries.size()));
                        Language language = Language.values()[random.nextInt(3)];
                        long start = System.nanoTime();
                        long version = switch (reader) {
                            case 0 -> versionOf(store.articles(country, language).stream().map(Article::title).toList());
                            case 1 -> versionOf(store.checklists(country, language).stream().map(Checklist::title)
                                    .toList());
                            default -> {
                                // A search for a word both versions have in their titles ("нусха…"): every hit
                                // must come from one version.
                                List<SearchHit> hits = store.search("нусха", language, 50);
                                assertTrue(!hits.isEmpty(), "search finds titles during the install");
                                yield versionOf(hits.stream().map(h -> h.title().text()).toList());
                            }
                        };
                        long took = System.nanoTime() - start;
                        if (installing.get()) {
                            readsDuring.incrementAndGet();
                            maxReadNanos.accumulateAndGet(took, Math::max);
                            versionsSeen.add(version);
                        }
                    }
                    return null;
                }));
            }
            started.await();
            long start = System.nanoTime();
            store.apply(new ContentUpdate(next.index(), Optional.of(next.common()), next.countryPacks(),
                    Set.of()));
            long install = System.nanoTime() - start;
            installing.set(false);
            for (Future<?> reader : running) {
                reader.get(60, TimeUnit.SECONDS); // rethrows any failed read or assertion
            }
            readers.shutdown();
            assertEquals(2L, ContentConsistency.check(store, versions, BigFeeds::marker));
            System.out.printf("[reliability] reads during an install of %d ms: %d reads, longest %.1f ms,"
                    + " versions seen %s%n", install / 1_000_000, readsDuring.get(), maxReadNanos.get() / 1e6,
                    new java.util.TreeSet<>(versionsSeen));
            assertTrue(readsDuring.get() > 0, "reads overlapped the install");
        }
    }

    @Test
    void screensReadWhileASyncWaitsOnTheNetwork() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Path v2 = feeds.resolve("v2");
        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK);
                FaultServer server = FaultServer.start(request -> {
                    try {
                        release.await(); // a network that answers only when the test says so
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        return FaultServer.Response.json(200,
                                Files.readAllBytes(v2.resolve(request.path().substring("/feed/".length()))));
                    } catch (NoSuchFileException e) {
                        return FaultServer.Response.json(404, new byte[0]);
                    }
                })) {
            store.install(versions.get(1L));
            SyncLimits patient = new SyncLimits(SyncLimits.DEFAULT.maxIndexBytes(), SyncLimits.DEFAULT.maxPackBytes(),
                    Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(120), 1);
            FeedSource source = FeedSource.of(server.base().resolve("feed/"), new JdkHttpTransport(Duration.ofSeconds(5)),
                    TestKeys.pinnedDevelopment()).withLimits(patient);
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<SyncResult> sync = background.submit(() -> Sync.run(store, temp.resolve("data"), source, CLOCK,
                    (done, total) -> {}));
            while (server.requests() == 0) {
                Thread.sleep(5); // until the sync is waiting for the index
            }
            // Everything a screen does, while the sync is stuck on the network:
            assertEquals(1L, store.installedFeed().orElseThrow().version());
            assertEquals(ARTICLES, store.articles("RU", Language.TAJIK).size());
            assertTrue(!store.search(BigFeeds.marker(1), Language.TAJIK, 10).isEmpty());
            store.user().setTicked(1, "RU", "ru-checklist-0", "item-0", true);
            assertEquals(Set.of("item-0"), store.user().tickedItems(1, "RU", "ru-checklist-0"));
            assertTrue(!sync.isDone(), "the reads finished while the sync was still waiting for the network");

            release.countDown();
            SyncResult result = sync.get(60, TimeUnit.SECONDS);
            background.shutdown();
            assertTrue(result instanceof SyncResult.Updated, result.describe());
            assertEquals(2L, ContentConsistency.check(store, versions, BigFeeds::marker));
        }
    }

    @Test
    void ticksAndTheOutboxWriteTheSameFileAtOnceWithoutFailing() throws Exception {
        Path data = temp.resolve("data");
        try (GuideStore store = GuideStore.open(data, CLOCK); QuestionStore questions = QuestionStore.open(data)) {
            Outbox outbox = new Outbox(questions, request -> {
                throw new java.io.IOException("offline");
            }, CLOCK, new SplittableRandom(1));
            int rounds = 300;
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(2);
            Future<?> ticking = threads.submit(() -> {
                go.countDown();
                go.await();
                for (int i = 0; i < rounds; i++) {
                    store.user().setTicked(1, "RU", "before-you-leave", "item-" + i, true);
                    store.user().bookmark(new tj.migrantsguide.store.ItemRef(tj.migrantsguide.store.ItemKind.ARTICLE,
                            "RU", "a-" + i));
                }
                return null;
            });
            Future<?> asking = threads.submit(() -> {
                go.countDown();
                go.await();
                for (int i = 0; i < rounds / 10; i++) {
                    outbox.save(QuestionDraft.withoutContact(Topic.DOCUMENTS, "RU", Language.TAJIK,
                            "Саволи рақами " + i + " дар бораи ҳуҷҷатҳо."), java.net.URI.create("http://127.0.0.1:9/"));
                    outbox.sendDue(); // offline: records an attempt and a retry time (more writes)
                }
                return null;
            });
            ticking.get(120, TimeUnit.SECONDS); // rethrows a "database is locked" had one happened
            asking.get(120, TimeUnit.SECONDS);
            threads.shutdown();
            assertEquals(rounds, store.user().tickedItems(1, "RU", "before-you-leave").size());
            assertEquals(rounds / 10, outbox.questions().size());
        }
        ContentConsistency.integrity(data);
    }
}

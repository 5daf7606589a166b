package tj.migrantsguide.bench;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.Guide;
import tj.migrantsguide.content.publish.Publisher;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.share.ShareServer;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.KeptFeed;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncProgress;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * A LAN share of the whole real guide to a second device, on loopback: the sharer starts from the published feed
 * (its kept files), a {@link ShareServer} serves them, and a new device syncs everything from it, checking the
 * signature and every pack. {@code share_bytes} is what the receiver got (index and every pack),
 * {@code share_ms_p50/p95} the time of the whole sync (download, checks and install) over fresh receivers.
 */
final class ShareBenchmark implements Benchmark {
    @Override
    public String name() {
        return "share";
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        Path work = Files.createTempDirectory("bench-share");
        try {
            Clock clock = Clock.systemUTC();
            SigningKey key = FeedKeys.generate(new SecureRandom());
            Path feed = work.resolve("feed");
            new Publisher(clock).publish(SourceLoader.load(Path.of("content", "guide"), new ArrayList<>()), 1, feed,
                    key);
            TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()));
            int runs = quick ? 5 : 15;
            double[] ms = new double[runs];
            long bytes = 0;
            try (Guide sharer = Guide.open(work.resolve("sharer"), FeedFiles.directory(feed), clock)) {
                KeptFeed.Ready kept = (KeptFeed.Ready) KeptFeed.in(sharer.dataDirectory()).check(1);
                try (ShareServer share = ShareServer.start(kept, InetAddress.getLoopbackAddress(), 0,
                        ShareServer.Limits.DEFAULT)) {
                    FeedSource source = FeedSource.of(share.url(), new JdkHttpTransport(Duration.ofSeconds(5)),
                            trusted);
                    for (int i = 0; i < runs; i++) {
                        Path data = work.resolve("receiver-" + i);
                        try (GuideStore receiver = GuideStore.open(data, clock)) {
                            long start = System.nanoTime();
                            SyncResult result = Sync.run(receiver, data, source, clock, SyncProgress.NONE);
                            ms[i] = (System.nanoTime() - start) / 1e6;
                            if (!(result instanceof SyncResult.Updated updated)) {
                                throw new IllegalStateException("expected an update, got " + result.describe());
                            }
                            bytes = updated.bytes();
                        }
                        ApplyBenchmark.deleteTree(data);
                    }
                    results.put("share_bytes", bytes);
                    results.put("share_feed_bytes", kept.bytes());
                    results.put("share_packs", kept.index().packs().size());
                    results.put("share_ms_p50", Results.percentile(ms, 50));
                    results.put("share_ms_p95", Results.percentile(ms, 95));
                    results.target("share_bytes", "= the kept feed (index and every pack), nothing else",
                            bytes == kept.bytes());
                    System.out.printf("  whole feed shared on loopback: %d bytes, %d packs, p50 %.0f ms%n", bytes,
                            kept.index().packs().size(), Results.percentile(ms, 50));
                }
            }
            changes(work, feed, key, quick, results);
        } finally {
            ApplyBenchmark.deleteTree(work);
        }
    }

    /**
     * An update that touches every pack of the real guide (in each, the first article's last word and the first
     * checklist's last line), then the What changed list as the screen reads it: every update, the reader's
     * language, sorted for reading.
     */
    private static void changes(Path work, Path feed, SigningKey key, boolean quick, Results results)
            throws Exception {
        Feed v1 = FeedReader.read(FeedFiles.directory(feed));
        List<tj.migrantsguide.feed.CountryPack> touched = new ArrayList<>();
        for (tj.migrantsguide.feed.CountryPack pack : v1.countryPacks()) {
            List<tj.migrantsguide.guide.Article> articles = new ArrayList<>(pack.articles());
            if (!articles.isEmpty()) {
                tj.migrantsguide.guide.Article a = articles.get(0);
                String body = a.body();
                int cut = body.lastIndexOf(' ');
                articles.set(0, new tj.migrantsguide.guide.Article(a.id(), a.countryCode(), a.stage(), a.language(),
                        a.title(), (cut > 0 ? body.substring(0, cut) : body) + " ТЕСТ.", a.sources(), a.verified(),
                        a.sortOrder()));
            }
            List<tj.migrantsguide.guide.Checklist> lists = new ArrayList<>(pack.checklists());
            if (!lists.isEmpty() && lists.get(0).items().size() > 1) {
                tj.migrantsguide.guide.Checklist c = lists.get(0);
                lists.set(0, new tj.migrantsguide.guide.Checklist(c.id(), c.countryCode(), c.stage(), c.language(),
                        c.title(), c.items().subList(0, c.items().size() - 1), c.sources(), c.verified(),
                        c.sortOrder()));
            }
            touched.add(new tj.migrantsguide.feed.CountryPack(pack.countryCode(), pack.language(), articles,
                    pack.contacts(), lists));
        }
        Path v2 = work.resolve("feed-v2");
        Instant published = v1.index().published().plusSeconds(60);
        FeedWriter.write(v2, 2, published, v1.index().expires(), v1.common(), touched, List.of(), List.of(key));
        Clock clock = Clock.systemUTC();
        Path data = work.resolve("changes");
        try (GuideStore store = GuideStore.open(data, clock)) {
            store.install(v1);
            long start = System.nanoTime();
            store.apply(tj.migrantsguide.store.ContentUpdate.whole(FeedReader.read(FeedFiles.directory(v2)),
                    store.installedPacks().keySet()));
            double applyMs = (System.nanoTime() - start) / 1e6;
            int runs = quick ? 50 : 200;
            double[] ms = new double[runs];
            int items = 0;
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                int shown = 0;
                for (tj.migrantsguide.store.ContentChanges update : store.changes(0, Optional.of(Language.TAJIK))) {
                    for (tj.migrantsguide.store.ItemChange item : update.forReading(Language.TAJIK, ref -> false)) {
                        for (tj.migrantsguide.store.ItemChange.FieldChange field : item.fields()) {
                            shown += field.text().around(8).parts().size();
                        }
                        shown += item.lines().size() + item.numbers().size();
                        items++;
                    }
                }
                ms[i] = (System.nanoTime() - t) / 1e6;
                if (shown == 0) {
                    throw new IllegalStateException("nothing to show");
                }
            }
            int perRun = items / runs;
            results.put("changes_items", perRun);
            results.put("changes_packs", touched.size());
            results.put("changes_apply_ms", applyMs);
            results.put("changes_show_ms_p50", Results.percentile(ms, 50));
            results.put("changes_show_ms_p95", Results.percentile(ms, 95));
            results.target("changes_show_ms_p95", "< 50 ms to read and lay out an update touching every pack",
                    Results.percentile(ms, 95) < 50);
            System.out.printf("  update touching all %d packs: %d items in Tajik, shown in p95 %.1f ms%n",
                    touched.size(), perRun, Results.percentile(ms, 95));
        }
    }
}

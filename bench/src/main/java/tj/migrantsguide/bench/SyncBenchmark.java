package tj.migrantsguide.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tj.migrantsguide.content.publish.Publisher;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncProgress;
import tj.migrantsguide.sync.SyncResult;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * What an update costs a migrant's data plan: the real guide is published, a device syncs it, then one article of
 * one pack changes and the device syncs again. {@code sync_bytes} is what that second sync received (the response
 * bodies Sync counted), {@code changed_pack_bytes} the changed pack alone, {@code sync_index_bytes} the new index;
 * {@code sync_overhead_ratio} is {@code sync_bytes / (changed_pack_bytes + sync_index_bytes)} (1.0 when nothing but
 * the index and the changed pack is fetched). The server counts the bodies it sent and the requests it answered as
 * a cross-check. Bytes are HTTP bodies: headers (a few hundred bytes a request, {@code sync_requests} requests) and
 * TCP/TLS framing are not counted. {@code full_feed_bytes} is what downloading everything would have cost instead.
 */
final class SyncBenchmark implements Benchmark {
    @Override
    public String name() {
        return "sync";
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        Path work = Files.createTempDirectory("bench-sync");
        Path feed = work.resolve("feed");
        EditorialContent content = SourceLoader.load(Path.of("content", "guide"), new ArrayList<>());
        SigningKey key = FeedKeys.generate(new SecureRandom());
        Clock clock = Clock.systemUTC();
        new Publisher(clock).publish(content, 1, feed, key);

        AtomicLong served = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                Path file = feed.resolve(exchange.getRequestURI().getPath().substring("/feed/".length())).normalize();
                if (!file.startsWith(feed) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = Files.readAllBytes(file);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                served.addAndGet(bytes.length); // before sending: the client may finish before this thread does
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        try (GuideStore store = GuideStore.open(work.resolve("data"), clock)) {
            FeedSource source = FeedSource.of(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed/"),
                    new JdkHttpTransport(Duration.ofSeconds(5)), TrustedKeys.of(List.of(key.publicKey())));
            SyncResult first = Sync.run(store, work.resolve("data"), source, clock, SyncProgress.NONE);
            long fullFeedBytes = ((SyncResult.Updated) expectUpdated(first)).bytes();
            long firstServedBytes = served.get();
            long firstRequests = requests.get();

            // One edited article in the first country pack: what an editor's typical fix publishes.
            List<CountryPack> edited = new ArrayList<>(content.countryPacks());
            CountryPack pack = edited.get(0);
            List<Article> articles = new ArrayList<>(pack.articles());
            Article a = articles.get(0);
            articles.set(0, new Article(a.id(), a.countryCode(), a.stage(), a.language(), a.title(),
                    a.body() + " ", a.sources(), a.verified(), a.sortOrder()));
            edited.set(0, new CountryPack(pack.countryCode(), pack.language(), articles, pack.contacts(),
                    pack.checklists()));
            EditorialContent next = new EditorialContent(content.root(), content.snapshotVersion(), content.validDays(),
                    content.common(), edited, content.files(), content.items(), content.concepts());
            FeedIndex v2 = new Publisher(clock).publish(next, 2, feed, key);
            PackEntry changed = v2.pack(pack.packName()).orElseThrow();

            long start = System.nanoTime();
            SyncResult second = Sync.run(store, work.resolve("data"), source, clock, SyncProgress.NONE);
            double syncMs = (System.nanoTime() - start) / 1e6;
            long syncBytes = ((SyncResult.Updated) expectUpdated(second)).bytes();

            long indexBytes = Files.size(feed.resolve("index.json"));
            long secondServedBytes = served.get() - firstServedBytes;
            long secondRequests = requests.get() - firstRequests;
            double overhead = (double) syncBytes / (changed.size() + indexBytes);
            results.put("sync_bytes", syncBytes);
            results.put("changed_pack_bytes", changed.size());
            results.put("sync_index_bytes", indexBytes);
            results.put("sync_overhead_ratio", overhead);
            results.put("sync_vs_pack_alone_ratio", (double) syncBytes / changed.size());
            results.put("sync_served_body_bytes", secondServedBytes);
            results.put("sync_requests", secondRequests);
            results.put("full_feed_bytes", fullFeedBytes);
            results.put("incremental_sync_ms", syncMs);
            results.target("sync_overhead_ratio", "≤ 1.1 × (changed pack + index)", overhead <= 1.1);
            results.target("sync_bytes", "= changed pack + index, exactly (nothing else fetched)",
                    syncBytes == changed.size() + indexBytes && secondServedBytes == syncBytes);
            System.out.printf("  one pack changed: %d bytes received in %d requests (pack %d + index %d);"
                    + " whole feed %d bytes%n", syncBytes, secondRequests, changed.size(), indexBytes, fullFeedBytes);
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            ApplyBenchmark.deleteTree(work);
        }
    }

    private static SyncResult expectUpdated(SyncResult result) throws IOException {
        if (!(result instanceof SyncResult.Updated)) {
            throw new IOException("expected an update, got " + result.describe());
        }
        return result;
    }
}

package tj.migrantsguide.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.InstalledFeed;
import tj.migrantsguide.transport.JdkHttpTransport;

/** A device for sync tests: a real data folder and SQLite database, a fixed clock, short network limits. */
final class Device implements AutoCloseable {
    /** Short enough that hang tests end in about a second; caps as in the app. */
    static final SyncLimits FAST = new SyncLimits(SyncLimits.DEFAULT.maxIndexBytes(),
            SyncLimits.DEFAULT.maxPackBytes(), Duration.ofMillis(800), Duration.ofMillis(800),
            Duration.ofMillis(800), 1024);

    final Path data;
    final GuideStore store;
    final Clock clock;
    final List<long[]> progress = new ArrayList<>();

    Device(Path data) {
        this(data, Clock.fixed(FeedFixtures.NOW, ZoneOffset.UTC));
    }

    Device(Path data, Clock clock) {
        this.data = data;
        this.clock = clock;
        this.store = GuideStore.open(data, clock);
    }

    /** A device whose content came from {@code feed} (as from the snapshot at first start). */
    static Device withInstalled(Path data, Path feed) throws Exception {
        Device device = new Device(data);
        device.store.install(FeedReader.read(FeedFiles.directory(feed)));
        return device;
    }

    FeedSource source(URI url) {
        return FeedSource.of(url, new JdkHttpTransport(Duration.ofSeconds(2)), TestKeys.pinnedDevelopment())
                .withLimits(FAST);
    }

    SyncResult sync(URI url) {
        return sync(source(url));
    }

    SyncResult sync(FeedSource source) {
        return Sync.run(store, data, source, clock, (done, total) -> {
            synchronized (progress) {
                progress.add(new long[] {done, total});
            }
        });
    }

    /** Everything a screen could read, to show that a refused sync changed nothing. */
    record Content(Optional<InstalledFeed> feed, Map<String, String> packs, List<Object> items) {}

    Content content() {
        List<Object> items = new ArrayList<>();
        items.add(store.countries());
        for (Language language : Language.values()) {
            items.add(store.articles("RU", language));
            items.add(store.contacts("RU", language));
            items.add(store.checklists("RU", language));
        }
        return new Content(store.installedFeed(), store.installedPacks(), items);
    }

    String englishTitle() {
        return store.articles("RU", Language.ENGLISH).get(0).title();
    }

    @Override
    public void close() {
        store.close();
    }
}

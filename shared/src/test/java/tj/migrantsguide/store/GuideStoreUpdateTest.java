package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.guide.Language;

class GuideStoreUpdateTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void replacingOnePackKeepsTheOthersAndRecordsEveryPackHash() throws Exception {
        Feed v1 = FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v1"), 1, "Old")));
        Feed v2 = FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v2"), 2, "New")));
        try (GuideStore store = GuideStore.open(temp.resolve("data"), clock)) {
            store.install(v1);
            var newRussian = v2.countryPacks().stream().filter(p -> p.language() == Language.RUSSIAN).findFirst()
                    .orElseThrow();
            // An index in which only the Russian pack changed.
            List<PackEntry> entries = v1.index().packs().stream()
                    .map(e -> e.name().equals("RU-ru") ? entryOf(v2, "RU-ru") : e).toList();
            FeedIndex index = new FeedIndex(1, 2, v2.index().published(), v2.index().expires(), entries);

            store.apply(new ContentUpdate(index, Optional.empty(), List.of(newRussian), Set.of()));

            assertEquals("New (ru)", store.articles("RU", Language.RUSSIAN).get(0).title());
            assertEquals("Old (tg)", store.articles("RU", Language.TAJIK).get(0).title());
            assertEquals(2, store.installedFeed().orElseThrow().version());
            assertEquals(entryOf(v2, "RU-ru").sha256(), store.installedPacks().get("RU-ru"));
        }
    }

    @Test
    void refusesAnUpdateThatLeavesOutAChangedPack() throws Exception {
        Feed v1 = FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v1"), 1, "Old")));
        Feed v2 = FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v2"), 2, "New")));
        try (GuideStore store = GuideStore.open(temp.resolve("data"), clock)) {
            store.install(v1);
            Map<String, String> before = store.installedPacks();

            assertThrows(IllegalArgumentException.class,
                    () -> store.apply(new ContentUpdate(v2.index(), Optional.empty(), List.of(), Set.of())));

            assertEquals(before, store.installedPacks());
            assertEquals("Old (en)", store.articles("RU", Language.ENGLISH).get(0).title());
        }
    }

    private static PackEntry entryOf(Feed feed, String name) {
        return feed.index().packs().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}

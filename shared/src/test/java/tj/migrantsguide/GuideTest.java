package tj.migrantsguide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Language;
import java.util.List;

class GuideTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void firstStartImportsTheEmbeddedSnapshotIntoANewDatabase() throws Exception {
        Path snapshot = TestFeeds.writeFeed(temp.resolve("snapshot"), 3, "Register");
        Path data = temp.resolve("data");

        try (Guide guide = Guide.open(data, FeedFiles.directory(snapshot), clock)) {
            assertTrue(guide.startReport().importedSnapshot());
            assertEquals(3, guide.startReport().installedVersion());
            assertTrue(Files.exists(data.resolve("content.db")));
            assertTrue(Files.exists(data.resolve("user.db")));
            assertEquals("Register (tg)", guide.store().articles("RU", Language.TAJIK).get(0).title());
            assertEquals(4, guide.store().counts().itemsPerLanguage().get(Language.ENGLISH));
            assertEquals(List.of("foreign-passport", "save-hotlines"), guide.store().checklists("RU", Language.ENGLISH)
                    .get(0).items().stream().map(ChecklistItem::id).toList());
        }
    }

    @Test
    void secondStartReusesTheDatabaseWithoutImportingAgain() throws Exception {
        Path snapshot = TestFeeds.writeFeed(temp.resolve("snapshot"), 3, "Register");
        Path data = temp.resolve("data");
        try (Guide first = Guide.open(data, FeedFiles.directory(snapshot), clock)) {
            assertTrue(first.startReport().importedSnapshot());
        }
        Instant installedAt;
        try (Guide second = Guide.open(data, FeedFiles.directory(snapshot), clock)) {
            assertFalse(second.startReport().importedSnapshot());
            installedAt = second.store().installedFeed().orElseThrow().installedAt();
        }
        // A later clock would show up as a new installation time if the snapshot were imported again.
        Clock later = Clock.offset(clock, java.time.Duration.ofHours(5));
        try (Guide third = Guide.open(data, FeedFiles.directory(snapshot), later)) {
            assertFalse(third.startReport().importedSnapshot());
            assertEquals(installedAt, third.store().installedFeed().orElseThrow().installedAt());
        }
    }

    @Test
    void anAppWithNewerBuiltInContentInstallsItOverOlderContent() throws Exception {
        Path data = temp.resolve("data");
        try (Guide old = Guide.open(data, FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v3"), 3, "Old")),
                clock)) {
            assertEquals(3, old.startReport().installedVersion());
        }
        try (Guide upgraded = Guide.open(data,
                FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v4"), 4, "New")), clock)) {
            assertTrue(upgraded.startReport().importedSnapshot());
            assertEquals("New (ru)", upgraded.store().articles("RU", Language.RUSSIAN).get(0).title());
        }
    }

    @Test
    void aDamagedSnapshotIsReportedAsSuchAndNotHalfInstalled() throws Exception {
        Path snapshot = TestFeeds.writeFeed(temp.resolve("snapshot"), 3, "Register");
        try (var packs = Files.list(snapshot.resolve("packs"))) {
            Path pack = packs.findFirst().orElseThrow();
            Files.writeString(pack, "{}");
        }
        assertThrows(Guide.SnapshotUnreadableException.class,
                () -> Guide.open(temp.resolve("data"), FeedFiles.directory(snapshot), clock));
    }
}

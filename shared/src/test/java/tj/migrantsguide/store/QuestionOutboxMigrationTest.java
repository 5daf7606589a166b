package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.guide.Language;

/** Migration 3 (question outbox) on a database written by the versions before it. */
class QuestionOutboxMigrationTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path temp;

    /** A data folder as the previous app version (2) left it, with {@code userRows} written to user.db. */
    private Path folderBeforeTheOutbox(String... userRows) throws Exception {
        Path data = java.nio.file.Files.createDirectories(temp.resolve("data"));
        try (Connection content = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("content.db"))) {
            Migrations.migrate(content, StoreFile.CONTENT, 2);
        }
        try (Connection user = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("user.db"));
                Statement statement = user.createStatement()) {
            Migrations.migrate(user, StoreFile.USER, 2);
            for (String sql : userRows) {
                statement.execute(sql);
            }
        }
        return data;
    }

    @Test
    void anOlderUserFileGainsTheOutboxAndKeepsThePersonsData() throws Exception {
        Path data = folderBeforeTheOutbox("UPDATE person SET name = 'Зарина' WHERE id = 1",
                "INSERT INTO tick VALUES (1, 'RU', 'before-you-leave-ru', 'foreign-passport', '2026-11-20T10:00:00Z')");

        try (QuestionStore questions = QuestionStore.open(data)) {
            StoredQuestion saved = questions.insert(new QuestionStore.NewQuestion("k-1", "http://127.0.0.1/", "health",
                    "RU", "en", "Where can I see a doctor?", Optional.empty(), new byte[] {1, 2, 3}, NOW));
            assertEquals(QuestionStore.WAITING, saved.state());
        }
        try (GuideStore store = GuideStore.open(data, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals("Зарина", store.user().people().get(0).name());
        }
    }

    @Test
    void questionsSurviveAContentUpdate() throws Exception {
        Path data = folderBeforeTheOutbox();
        try (GuideStore store = GuideStore.open(data, Clock.fixed(NOW, ZoneOffset.UTC));
                QuestionStore questions = QuestionStore.open(data)) {
            questions.insert(new QuestionStore.NewQuestion("k-1", "http://127.0.0.1/", "health", "RU", "en",
                    "Where can I see a doctor?", Optional.of("name@example.org"), new byte[] {1}, NOW));
            questions.deviceToken(() -> "token-1", NOW);

            store.install(FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v1"), 1, "One"))));
            store.install(FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("v2"), 2, "Two"))));

            assertEquals(1, questions.all().size());
            assertEquals(Optional.of("name@example.org"), questions.all().get(0).contact());
            assertEquals("token-1", questions.deviceToken(() -> "token-2", NOW));
        }
    }
}

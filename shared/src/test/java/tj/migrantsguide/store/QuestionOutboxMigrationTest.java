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

    /** A database as the previous app version left it: every migration below 3 applied, then {@code rows}. */
    private Path databaseBeforeTheOutbox(String... rows) throws Exception {
        Path file = temp.resolve("guide.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (Migrations.Migration migration : Migrations.ALL) {
                if (migration.version() >= 3) {
                    break;
                }
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + migration.version());
            }
            for (String sql : rows) {
                statement.execute(sql);
            }
        }
        return file;
    }

    @Test
    void anOlderDatabaseGainsTheOutboxAndKeepsItsContent() throws Exception {
        Path file = databaseBeforeTheOutbox("INSERT INTO country (code, sort_order) VALUES ('RU', 1)",
                "INSERT INTO country_name (country, language, name) VALUES ('RU', 'en', 'Russia')");

        try (QuestionStore questions = QuestionStore.open(file)) {
            StoredQuestion saved = questions.insert(new QuestionStore.NewQuestion("k-1", "http://127.0.0.1/", "health",
                    "RU", "en", "Where can I see a doctor?", Optional.empty(), new byte[] {1, 2, 3}, NOW));
            assertEquals(QuestionStore.WAITING, saved.state());
        }
        try (GuideStore store = GuideStore.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals("Russia", store.countries().get(0).name(Language.ENGLISH));
        }
    }

    @Test
    void questionsSurviveAContentUpdate() throws Exception {
        Path file = databaseBeforeTheOutbox();
        try (QuestionStore questions = QuestionStore.open(file);
                GuideStore store = GuideStore.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
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

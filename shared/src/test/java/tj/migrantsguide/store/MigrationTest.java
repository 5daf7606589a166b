package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestRules;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.Language;

/**
 * Each older version's data folder, written with that version's SQL, opened with today's code. Migrations are
 * never edited once released, so running migrations 1..N on an empty file writes exactly what version N wrote.
 */
class MigrationTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static void run(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    @Test
    void migrationNumbersRunFromOneWithoutGapsAndOncePerFile() {
        Set<String> seen = new HashSet<>();
        // A number handed out to a branch still in flight this session (7: safety; 8 landed first). A file brought
        // past 8 would skip it when it lands: remove it from here in the commit that adds it.
        Set<Integer> versions = new HashSet<>(Set.of(7));
        for (Migrations.Migration migration : Migrations.ALL) {
            assertTrue(seen.add(migration.version() + " " + migration.file()), "twice: " + migration);
            versions.add(migration.version());
        }
        for (int v = 1; v <= Migrations.latestVersion(); v++) {
            assertTrue(versions.contains(v), "missing migration " + v);
        }
    }

    @Test
    void version1FolderKeepsItsContentAndGainsSearchAndUserData() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Connection v1 = connect(data.resolve("guide.db"))) {
            run(v1, "PRAGMA journal_mode = WAL");
            Migrations.migrate(v1, StoreFile.CONTENT, 1);
            // Content of version 7, newer than the app's snapshot (3): it must be kept, not replaced.
            run(v1,
                    "INSERT INTO installed_feed VALUES (1, 7, '2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z',"
                            + " '2026-11-20T08:00:00Z')",
                    "INSERT INTO installed_pack VALUES ('RU-ru', 'aa11'), ('common', 'bb22')",
                    "INSERT INTO country VALUES ('RU', 10)",
                    "INSERT INTO country_name VALUES ('RU', 'ru', 'Россия'), ('RU', 'tg', 'Федератсияи Россия')",
                    "INSERT INTO article VALUES ('work-patent', 'ru', 'RU', 'abroad', 'Патент на работу',"
                            + " 'Нужен документ.', '[\"004_48969e50023832c2.txt:31\"]', '2026-11-23', 1)",
                    "INSERT INTO contact VALUES ('trafficking-hotline-227', 'ru', 'RU', 'hotline', 'Горячая линия',"
                            + " '[{\"dial\":\"\",\"display\":\"227-07-07-07\"}]', '', '', '', '', '', 'Совет.',"
                            + " '[\"001_83c9d57138334d54.txt:461\"]', '2026-11-23', 1, 2)",
                    "INSERT INTO checklist VALUES ('before-you-leave', 'ru', 'RU', 'before', 'Перед отъездом',"
                            + " '[]', NULL, 3)",
                    "INSERT INTO checklist_item VALUES ('before-you-leave', 'ru', 'foreign-passport',"
                            + " 'Получите заграничный паспорт.', 0)");
        }
        Path snapshot = TestFeeds.writeFeed(temp.resolve("snapshot"), 3, "Snapshot");

        try (Guide guide = Guide.open(data, FeedFiles.directory(snapshot), clock)) {
            GuideStore store = guide.store();
            assertFalse(guide.startReport().importedSnapshot());
            assertEquals(7, guide.startReport().installedVersion());
            assertEquals(Optional.empty(), guide.startReport().recovery());
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals("Патент на работу", store.articles("RU", Language.RUSSIAN).get(0).title());
            assertEquals("aa11", store.installedPacks().get("RU-ru"));
            assertEquals("work-patent", store.search("патент", Language.RUSSIAN, 5).get(0).id());
            assertEquals("trafficking-hotline-227", store.search("2270707", Language.RUSSIAN, 5).get(0).id());
            assertEquals("foreign-passport", store.search("заграничный", Language.RUSSIAN, 5).get(0).id());
            assertEquals(List.of(new Person(1, "")), store.user().people());
        }
        assertFalse(Files.exists(data.resolve("guide.db")));
        assertTrue(Files.exists(data.resolve("content.db")));
        assertTrue(Files.exists(data.resolve("user.db")));
    }

    @Test
    void version2FolderKeepsEveryKindOfUserData() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Connection content = connect(data.resolve("content.db"))) {
            run(content, "PRAGMA journal_mode = WAL");
            Migrations.migrate(content, StoreFile.CONTENT, 2);
        }
        try (Connection user = connect(data.resolve("user.db"))) {
            run(user, "PRAGMA journal_mode = WAL");
            Migrations.migrate(user, StoreFile.USER, 2);
            run(user,
                    "UPDATE person SET name = 'Зарина' WHERE id = 1",
                    "INSERT INTO person VALUES (2, 'Фарҳод', 1)",
                    "INSERT INTO tick VALUES (1, 'RU', 'before-you-leave', 'foreign-passport',"
                            + " '2026-11-20T08:00:00Z')",
                    "INSERT INTO tick VALUES (2, 'RU', 'before-you-leave', 'save-hotlines', '2026-11-20T08:01:00Z')",
                    "INSERT INTO bookmark VALUES ('article', 'RU', 'work-patent', '2026-11-20T08:02:00Z')",
                    "INSERT INTO recent_item VALUES ('contact', 'RU', 'trafficking-hotline-227',"
                            + " '2026-11-20T08:03:00Z')",
                    "INSERT INTO setting VALUES ('language', 'tg'), ('text-size', 'LARGE'), ('person', '2')",
                    "INSERT INTO notice VALUES (1, 'recovery', '{\"content\":\"CORRUPT\",\"recovered\":{}}',"
                            + " '2026-11-19T08:00:00Z', '2026-11-19T08:05:00Z')");
        }

        try (GuideStore store = GuideStore.open(data, clock)) {
            UserData user = store.user();
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals(List.of(new Person(1, "Зарина"), new Person(2, "Фарҳод")), user.people());
            assertEquals(new Person(2, "Фарҳод"), user.currentPerson());
            assertEquals(Set.of("foreign-passport"), user.tickedItems(1, "RU", "before-you-leave"));
            assertEquals(Set.of("save-hotlines"), user.tickedItems(2, "RU", "before-you-leave"));
            assertTrue(user.isBookmarked(new ItemRef(ItemKind.ARTICLE, "RU", "work-patent")));
            assertEquals("trafficking-hotline-227", user.recentItems().get(0).item().id());
            assertEquals(Optional.of(Language.TAJIK), user.settings().language());
            assertEquals(TextSize.LARGE, user.settings().textSize());
            assertEquals(Optional.empty(), user.unseenRecovery());
        }
    }

    @Test
    void version3ContentIsReindexedByWordFormsWithAVocabulary() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Connection content = connect(data.resolve("content.db"))) {
            run(content, "PRAGMA journal_mode = WAL");
            Migrations.migrate(content, StoreFile.CONTENT, 3);
            // As version 3 indexed it: folded whole words, link markup included.
            run(content,
                    "INSERT INTO installed_feed VALUES (1, 7, '2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z',"
                            + " '2026-11-20T08:00:00Z')",
                    "INSERT INTO article VALUES ('work-patent', 'ru', 'RU', 'abroad', 'Патент на работу',"
                            + " 'Спросите [[ministry-office-russia]].', '[]', '2026-11-23', 1)",
                    "INSERT INTO search_doc VALUES (1, 'article', 'RU', 'ru', 'work-patent', '')",
                    "INSERT INTO search_ru (rowid, title, body, numbers) VALUES (1, 'патент на работу',"
                            + " 'спросите ministry office russia', '')");
        }
        try (GuideStore store = GuideStore.open(data, clock)) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals("work-patent", store.search("патента", Language.RUSSIAN, 5).get(0).id());
            assertEquals(List.of(), store.search("ministry", Language.RUSSIAN, 5));
            assertEquals(Optional.of("патент"), store.find("паитент", Language.RUSSIAN, 5).didYouMean());
        }
    }


    @Test
    void version4ContentKeepsItsVersionAndRecordsTheNextUpdate() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Connection content = connect(data.resolve("content.db"))) {
            run(content, "PRAGMA journal_mode = WAL");
            Migrations.migrate(content, StoreFile.CONTENT, 4);
            run(content,
                    "INSERT INTO installed_feed VALUES (1, 4, '2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z',"
                            + " '2026-11-20T08:00:00Z')",
                    "INSERT INTO installed_pack VALUES ('RU-ru', 'aa11'), ('common', 'bb22')",
                    "INSERT INTO country VALUES ('RU', 10)",
                    "INSERT INTO article VALUES ('work-patent', 'ru', 'RU', 'abroad', 'Патент на работу',"
                            + " 'Нужен документ.', '[\"004_48969e50023832c2.txt:31\"]', '2026-11-23', 1)");
        }
        try (Connection user = connect(data.resolve("user.db"))) {
            run(user, "PRAGMA journal_mode = WAL");
            Migrations.migrate(user, StoreFile.USER, 4);
        }

        try (GuideStore store = GuideStore.open(data, clock)) {
            assertEquals(Optional.empty(), store.user().unseenRecovery());
            assertEquals(4, store.installedFeed().orElseThrow().version());
            Provenance provenance = store.provenance().orElseThrow();
            assertEquals(Provenance.Origin.UNKNOWN, provenance.origin());
            assertEquals(Optional.empty(), provenance.signedBy());
            assertEquals(List.of(), store.changes(0, Optional.empty()));

            store.apply(ContentUpdate.whole(Packs.feed(5, List.of()), store.installedPacks().keySet()));
            List<ContentChanges> changes = store.changes(0, Optional.empty());
            assertEquals(1, changes.size());
            assertEquals("work-patent", changes.get(0).items().get(0).id());
            assertEquals(ItemChange.Change.REMOVED, changes.get(0).items().get(0).change());
        }
    }

    @Test
    void version5FolderKeepsContentAndTicksAndGainsRulesAndPersonalDates() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Connection content = connect(data.resolve("content.db"))) {
            run(content, "PRAGMA journal_mode = WAL");
            Migrations.migrate(content, StoreFile.CONTENT, 5);
            run(content,
                    "INSERT INTO installed_feed VALUES (1, 5, '2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z',"
                            + " '2026-11-20T08:00:00Z', 'update', '', '')",
                    "INSERT INTO installed_pack VALUES ('RU-ru', 'aa11'), ('common', 'bb22')",
                    "INSERT INTO country VALUES ('RU', 10)",
                    "INSERT INTO article VALUES ('registration-15-days', 'ru', 'RU', 'abroad', 'Учёт',"
                            + " 'Текст.', '[\"004_48969e50023832c2.txt:31\"]', '2026-11-23', 1)");
        }
        try (Connection user = connect(data.resolve("user.db"))) {
            run(user, "PRAGMA journal_mode = WAL");
            Migrations.migrate(user, StoreFile.USER, 5);
            run(user, "INSERT INTO tick VALUES (1, 'RU', 'before-you-leave', 'foreign-passport',"
                    + " '2026-11-20T08:00:00Z')");
        }

        try (GuideStore store = GuideStore.open(data, clock)) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals(5, store.installedFeed().orElseThrow().version());
            assertEquals("registration-15-days", store.articles("RU", Language.RUSSIAN).get(0).id());
            assertEquals(Set.of("foreign-passport"), store.user().tickedItems(1, "RU", "before-you-leave"));
            assertEquals(List.of(), store.rules("RU", Language.RUSSIAN));
            assertEquals(List.of(), store.user().dates().dates(1));

            store.apply(ContentUpdate.whole(Packs.feed(6, List.of(new tj.migrantsguide.feed.CountryPack("RU",
                    Language.RUSSIAN, List.of(), List.of(), List.of(), List.of(TestRules.russia(Language.RUSSIAN))))),
                    store.installedPacks().keySet()));
            assertEquals(List.of(TestRules.russia(Language.RUSSIAN)), store.rules("RU", Language.RUSSIAN));
        }
    }

    @Test
    void version6ContentGainsAnEmptyConceptTableFilledByTheNextCommonPack() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        try (Connection content = connect(data.resolve("content.db"))) {
            run(content, "PRAGMA journal_mode = WAL");
            Migrations.migrate(content, StoreFile.CONTENT, 6);
            run(content,
                    "INSERT INTO installed_feed VALUES (1, 4, '2026-11-01T00:00:00Z', '2027-05-01T00:00:00Z',"
                            + " '2026-11-20T08:00:00Z', 'network', 'http://127.0.0.1/feed/', '')",
                    "INSERT INTO installed_pack VALUES ('common', 'bb22')",
                    "INSERT INTO country VALUES ('RU', 10)");
        }
        try (GuideStore store = GuideStore.open(data, clock)) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
            assertEquals(4, store.installedFeed().orElseThrow().version());
            assertEquals(List.of(), store.search("бакайдгири", Language.TAJIK, 5));
            store.install(Packs.feed(5, new tj.migrantsguide.feed.CommonPack(List.of(Packs.russia()),
                    List.of(ConceptSearchTest.REGISTRATION)), Packs.russiaForSearch()));
            assertEquals("registration-15-days", store.search("бакайдгири", Language.TAJIK, 5).get(0).id());
        }
    }

    @Test
    void aMissingUserFileIsCreatedBesideExistingContent() throws Exception {
        Path data = temp.resolve("data");
        try (GuideStore store = GuideStore.open(data, clock)) {
            store.install(Packs.feed(4, Packs.russiaForSearch()));
        }
        Files.delete(data.resolve("user.db"));
        try (GuideStore store = GuideStore.open(data, clock)) {
            assertEquals(4, store.installedFeed().orElseThrow().version());
            assertEquals(List.of(new Person(1, "")), store.user().people());
            assertEquals(Optional.empty(), store.user().unseenRecovery());
        }
    }

    @Test
    void theRecordedLatestSchemaIsWhatTheMigrationsMake() throws Exception {
        String recorded;
        try (var in = Migrations.class.getResourceAsStream(Migrations.LATEST_SCHEMA)) {
            recorded = in == null ? "(missing)" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String made = Migrations.latestSchemaText();
        assertEquals(made, recorded, "shared/src/main/resources/tj/migrantsguide/store/" + Migrations.LATEST_SCHEMA
                + " must say what the migrations make; replace it with:\n" + made);
        for (StoreFile file : StoreFile.values()) {
            assertFalse(Migrations.schemaAt(file, Migrations.latestVersion()).isEmpty(), file.fileName());
        }
    }
}

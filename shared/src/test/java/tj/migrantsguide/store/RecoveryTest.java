package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.Language;

/** Damaged files in a real data folder, found at start and repaired; the person told once. */
class RecoveryTest {
    private static final int TICKS = 400;
    private static final String DAMAGED_USER_FILE = "user.db.damaged-20261123-100000";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private Path data;
    private FeedFiles snapshot;

    @BeforeEach
    void aDeviceInUse() throws Exception {
        data = temp.resolve("data");
        snapshot = FeedFiles.directory(TestFeeds.writeFeed(temp.resolve("snapshot"), 3, "Register"));
        try (Guide guide = Guide.open(data, snapshot, clock)) {
            UserData user = guide.store().user();
            user.renamePerson(1, "Зарина");
            long brother = user.addPerson("Фарҳод").id();
            for (int i = 0; i < TICKS; i++) {
                user.setTicked(i % 2 == 0 ? 1 : brother, "RU", "list-" + (i / 20), "item-" + i, true);
            }
            user.bookmark(new ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days"));
            user.settings().setLanguage(Language.TAJIK);
        }
        assertFalse(Files.exists(data.resolve("user.db-wal")), "closing folds the journal into the file");
    }

    private Guide start() throws Exception {
        return Guide.open(data, snapshot, clock);
    }

    private static int ticks(UserData user) {
        int count = 0;
        for (Person person : user.people()) {
            for (int list = 0; list < TICKS / 20; list++) {
                count += user.tickedItems(person.id(), "RU", "list-" + list).size();
            }
        }
        return count;
    }

    private static void truncateToHalf(Path file) throws IOException {
        truncate(file, Files.size(file) / 2);
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private static int pageSize(Path file) throws IOException {
        byte[] header = Files.readAllBytes(file);
        return ((header[16] & 0xff) << 8) | (header[17] & 0xff);
    }

    private static void fillWithGarbage(Path file) throws IOException {
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String s : statements) {
                statement.execute(s);
            }
        }
    }

    // ---- the content file: rebuilt from the snapshot, user data untouched ----

    @Test
    void aTruncatedContentFileIsRestoredFromTheSnapshot() throws Exception {
        truncateToHalf(data.resolve("content.db"));
        assertContentRestored(Damage.TRUNCATED);
    }

    @Test
    void aGarbageContentFileIsRestoredFromTheSnapshot() throws Exception {
        fillWithGarbage(data.resolve("content.db"));
        assertContentRestored(Damage.NOT_A_DATABASE);
    }

    @Test
    void aContentFileOfANewerAppIsRestoredFromTheSnapshot() throws Exception {
        sql(data.resolve("content.db"), "PRAGMA user_version = " + (Migrations.latestVersion() + 1));
        assertContentRestored(Damage.NEWER_SCHEMA);
    }

    @Test
    void aContentFileMissingATableIsRestoredFromTheSnapshot() throws Exception {
        sql(data.resolve("content.db"), "DROP TABLE contact");
        assertContentRestored(Damage.WRONG_SCHEMA);
    }

    @Test
    void aContentFileKilledMidCheckpointIsCompletedFromItsLogAndNotCalledDamaged() throws Exception {
        // A checkpoint copies the log's pages into the file in page order: the header (page 1, with the new page
        // count) lands first and the file grows as the later pages follow. A kill between leaves a file shorter
        // than its header says, which SQLite completes from the log at the next open (CrashTest hit this).
        Path file = temp.resolve("copy.db");
        Files.copy(data.resolve("content.db"), file);
        Path cut = temp.resolve("cut.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
            statement.execute("CREATE TABLE padding(x)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                    + "INSERT INTO padding SELECT randomblob(1000) FROM n");
            Files.copy(file, cut);
            Files.copy(file.resolveSibling("copy.db-wal"), cut.resolveSibling("cut.db-wal"));
        }
        int pageSize = pageSize(cut);
        byte[] log = Files.readAllBytes(cut.resolveSibling("cut.db-wal"));
        byte[] header = null;
        for (int frame = 32; frame + 24 + pageSize <= log.length; frame += 24 + pageSize) {
            int page = java.nio.ByteBuffer.wrap(log, frame, 4).getInt();
            if (page == 1) {
                header = java.util.Arrays.copyOfRange(log, frame + 24, frame + 24 + pageSize);
            }
        }
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.write(header);
        }
        long headerPages = java.nio.ByteBuffer.wrap(header, 28, 4).getInt();
        assertTrue(Files.size(cut) < headerPages * pageSize, "the file is shorter than its header says");

        assertEquals(Optional.empty(), FileCheck.inspect(cut, StoreFile.CONTENT));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cut);
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM padding")) {
            assertTrue(rows.next());
            assertEquals(2000, rows.getInt(1), "every row the log held");
        }
    }

    private void assertContentRestored(Damage expected) throws Exception {
        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(expected), notice.contentDamage());
            assertEquals(Optional.empty(), notice.userDataDamage());
            assertTrue(guide.startReport().importedSnapshot());
            assertEquals("Register (tg)", guide.store().articles("RU", Language.TAJIK).get(0).title());
            assertEquals("registration-15-days", guide.store().search("register", Language.ENGLISH, 5).get(0).id());
            assertEquals(TICKS, ticks(guide.store().user()));
            assertEquals("Зарина", guide.store().user().people().get(0).name());
        }
    }

    // ---- the user file: set aside, every readable row copied into a fresh one ----

    @Test
    void aTruncatedUserFileKeepsTheRowsThatCanStillBeRead() throws Exception {
        Path user = data.resolve("user.db");
        // The ticks were written last: their last pages are at the end of the file, the people's at the start.
        truncate(user, Files.size(user) - 2L * pageSize(user));
        byte[] damaged = Files.readAllBytes(user);

        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.TRUNCATED), notice.userDataDamage());
            assertEquals(Optional.empty(), notice.contentDamage());
            UserData recovered = guide.store().user();
            int ticks = ticks(recovered);
            assertTrue(ticks > 0 && ticks < TICKS, "some ticks were on the lost half: " + ticks);
            assertEquals(ticks, notice.recoveredTicks());
            assertEquals(List.of("Зарина", "Фарҳод"), recovered.people().stream().map(Person::name).toList());
            assertEquals(Optional.of(Language.TAJIK), recovered.settings().language());
            assertEquals(Optional.of(DAMAGED_USER_FILE), notice.keptAsideAs());
            // The content was fine and was left alone.
            assertFalse(guide.startReport().importedSnapshot());
        }
        assertArrayEquals(damaged, Files.readAllBytes(data.resolve(DAMAGED_USER_FILE)), "kept exactly as found");
    }

    @Test
    void aGarbageUserFileIsKeptAsideAndAFreshOneStarted() throws Exception {
        fillWithGarbage(data.resolve("user.db"));
        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.NOT_A_DATABASE), notice.userDataDamage());
            assertEquals(0, notice.recoveredRows().size());
            assertEquals(List.of(new Person(1, "")), guide.store().user().people());
            assertTrue(notice.describe().contains("nothing could be recovered"), notice.describe());
        }
        assertTrue(Files.exists(data.resolve(DAMAGED_USER_FILE)));
    }

    @Test
    void aCorruptPageCostsOnlyTheRowsOnIt() throws Exception {
        Path user = data.resolve("user.db");
        byte[] bytes = Files.readAllBytes(user);
        int pageSize = pageSize(user);
        int at = indexOf(bytes, "item-200".getBytes(StandardCharsets.US_ASCII));
        int page = at / pageSize;
        try (RandomAccessFile raf = new RandomAccessFile(user.toFile(), "rw")) {
            // Break the page header: an impossible page type and cell count.
            raf.seek((long) page * pageSize);
            raf.write(new byte[] {(byte) 0x77, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
        }

        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.CORRUPT), notice.userDataDamage());
            int ticks = ticks(guide.store().user());
            assertTrue(ticks > TICKS / 2, "only one page was broken: " + ticks);
            assertTrue(guide.store().user().isBookmarked(new ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days")));
        }
    }

    /**
     * Issue 18: the first 100 bytes (SQLite's header) overwritten lost everything, questions and the device token
     * included. Now the header is written anew on a copy and every readable row comes over; a broken page of ticks on
     * top costs the ticks on it, and the notice counts what was kept and what was lost.
     */
    @Test
    void aUserFileWithoutItsHeaderAndWithABrokenPageKeepsQuestionsTokenPeopleSettingsAndMostTicks() throws Exception {
        List<String> keys = List.of("key-1", "key-2", "key-3");
        try (QuestionStore questions = QuestionStore.open(data)) {
            questions.deviceToken(() -> "token-of-this-install", clock.instant());
            for (String key : keys) {
                questions.insert(new QuestionStore.NewQuestion(key, "https://questions.test/", "work", "RU", "tg",
                        "Саволи " + key, Optional.empty(), ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8),
                        clock.instant()));
            }
        }
        Path user = data.resolve("user.db");
        byte[] bytes = Files.readAllBytes(user);
        int pageSize = pageSize(user);
        // A page of the tick table itself (in a row "item-200" is followed by its time; in the key's index it is not).
        int tickPage = indexOf(bytes, "item-2002026-11-23".getBytes(StandardCharsets.US_ASCII)) / pageSize;
        try (RandomAccessFile raf = new RandomAccessFile(user.toFile(), "rw")) {
            byte[] garbage = new byte[100];
            new Random(18).nextBytes(garbage);
            raf.seek(0);
            raf.write(garbage);
            raf.seek((long) tickPage * pageSize);
            raf.write(new byte[] {(byte) 0x77, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f});
        }

        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.NOT_A_DATABASE), notice.userDataDamage());
            UserData recovered = guide.store().user();
            assertEquals(List.of("Зарина", "Фарҳод"), recovered.people().stream().map(Person::name).toList());
            assertEquals(Optional.of(Language.TAJIK), recovered.settings().language());
            assertTrue(recovered.isBookmarked(new ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days")));
            int ticks = ticks(recovered);
            assertTrue(ticks > TICKS / 2 && ticks < TICKS, "one page of ticks was broken: " + ticks);
            assertEquals(ticks, notice.recoveredTicks());
            assertEquals(TICKS - ticks, notice.lostTicks(), "the ticks' index still counts them all");
            assertEquals(3, notice.recoveredQuestions());
            assertEquals(0, notice.lostQuestions());
            assertTrue(notice.deviceTokenRecovered());
            String words = notice.describe();
            assertTrue(words.contains("kept: 2 people, " + ticks + " ticks, 1 bookmarks, 1 settings, 3 questions"),
                    words);
            assertTrue(words.contains("the device token; lost: " + (TICKS - ticks) + " ticks"), words);
        }
        try (QuestionStore questions = QuestionStore.open(data)) {
            // The same keys: a question resent after the rescue is the same question to the server, never a second.
            assertEquals(keys, questions.all().stream().map(StoredQuestion::idempotencyKey).sorted().toList());
            assertEquals("token-of-this-install", questions.deviceToken(() -> "a new token", clock.instant()));
        }
    }

    @Test
    void aUserFileWithATableMissingKeepsTheOtherTables() throws Exception {
        sql(data.resolve("user.db"), "DROP TABLE tick");
        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.WRONG_SCHEMA), notice.userDataDamage());
            assertEquals(0, ticks(guide.store().user()));
            assertEquals(2, guide.store().user().people().size());
            assertTrue(guide.store().user().isBookmarked(new ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days")));
        }
    }

    @Test
    void aDatabaseOfAnotherAppIsKeptAsideUntouched() throws Exception {
        Path user = data.resolve("user.db");
        Files.delete(user);
        sql(user, "CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT)",
                "INSERT INTO messages (body) VALUES ('salom')");
        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.FOREIGN_FILE), notice.userDataDamage());
            assertEquals(List.of(new Person(1, "")), guide.store().user().people());
        }
        assertTrue(Files.exists(data.resolve(DAMAGED_USER_FILE)));
    }

    @Test
    void aUserFileOfANewerAppGivesUpEverythingThisAppKnows() throws Exception {
        sql(data.resolve("user.db"), "CREATE TABLE trip (id INTEGER PRIMARY KEY, city TEXT)",
                "ALTER TABLE tick ADD COLUMN note TEXT",
                "PRAGMA user_version = " + (Migrations.latestVersion() + 1));
        try (Guide guide = start()) {
            RecoveryNotice notice = guide.startReport().recovery().orElseThrow();
            assertEquals(Optional.of(Damage.NEWER_SCHEMA), notice.userDataDamage());
            assertEquals(TICKS, ticks(guide.store().user()));
            assertEquals(TICKS, notice.recoveredTicks());
            assertEquals(2, notice.recoveredPeople());
            assertEquals(Migrations.latestVersion(), guide.store().schemaVersion());
        }
    }

    // ---- told once ----

    @Test
    void thePersonIsToldUntilTheyHaveSeenTheNoticeAndThenNeverAgain() throws Exception {
        fillWithGarbage(data.resolve("content.db"));
        try (Guide guide = start()) {
            assertTrue(guide.startReport().recovery().isPresent());
        }
        RecoveryNotice shown;
        try (Guide guide = start()) {
            shown = guide.startReport().recovery().orElseThrow(); // not yet marked seen: still there
            guide.store().user().markSeen(shown);
        }
        try (Guide guide = start()) {
            assertEquals(Optional.empty(), guide.startReport().recovery());
        }
        assertTrue(shown.describe().contains("restored from the content built into the app"), shown.describe());
    }

    @Test
    void aFolderLeftByACrashOpensWithItsLastChangesAndNoAlarm() throws Exception {
        Path crashed = temp.resolve("crashed");
        Files.createDirectories(crashed);
        try (Guide guide = start()) {
            guide.store().user().setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            // The process dies here: the files are copied as they are, journal included, index of the journal not.
            for (String name : List.of("content.db", "content.db-wal", "user.db", "user.db-wal")) {
                if (Files.exists(data.resolve(name))) {
                    Files.copy(data.resolve(name), crashed.resolve(name));
                }
            }
        }
        assertTrue(Files.exists(crashed.resolve("user.db-wal")));
        try (Guide guide = Guide.open(crashed, snapshot, clock)) {
            assertEquals(Optional.empty(), guide.startReport().recovery());
            assertTrue(guide.store().user().tickedItems(1, "RU", "before-you-leave").contains("foreign-passport"));
            assertEquals(TICKS, ticks(guide.store().user()));
        }
    }

    @Test
    void aHealthyFolderReportsNothing() throws Exception {
        try (Guide guide = start()) {
            assertEquals(Optional.empty(), guide.startReport().recovery());
            assertEquals(TICKS, ticks(guide.store().user()));
        }
        try (var files = Files.list(data)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains("damaged")));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not in the file");
    }
}

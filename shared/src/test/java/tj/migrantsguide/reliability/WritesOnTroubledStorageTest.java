package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.outbox.SyncReport;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.ItemKind;
import tj.migrantsguide.store.ItemRef;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.store.StoreException;
import tj.migrantsguide.store.StoredQuestion;
import tj.migrantsguide.store.UserData;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * Every write path of the person's data (questions, the device token, deletions, ticks, people, settings, bookmarks,
 * personal dates)
 * on storage that is read-only, full or gone: refused by name ({@link StoreException.Problem}) before anything of
 * it is done, everything saved before still there and still readable (issue 18: {@code ask} and {@code questions}
 * crashed on read-only or full storage, and {@code QuestionStore.open} bypassed the read-only handling). Real
 * mounts ({@link Mounts}): a read-only bind mount (root ignores chmod), a full tmpfs, a tmpfs detached while open.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // against a hang only
class WritesOnTroubledStorageTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final ItemRef ARTICLE = new ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days");
    private static final URI SERVER = URI.create("http://127.0.0.1:9/");

    @TempDir
    Path temp;

    private static Path small;
    private Mounts mounts;

    @BeforeAll
    static void fixture() throws Exception {
        assumeTrue(Mounts.available(), "mounting needs root (CI runs as root); skipped here");
        small = SyncUnderFaultsTest.fixture("installed-v2");
    }

    @BeforeEach
    void mounts() {
        mounts = new Mounts();
    }

    @AfterEach
    void unmount() throws Exception {
        mounts.close();
    }

    /** A device in use: the owner and a brother, a tick, a bookmark, a language, one question and the token. */
    private static void inUse(Path data) throws Exception {
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK)) {
            UserData user = guide.store().user();
            user.addPerson("Фарҳод");
            user.setTicked(1, "RU", "before-you-leave", "foreign-passport", true);
            user.bookmark(ARTICLE);
            user.settings().setLanguage(Language.TAJIK);
        }
        try (QuestionStore questions = QuestionStore.open(data)) {
            questions.deviceToken(() -> "token-1", CLOCK.instant());
            questions.insert(question("key-1"));
        }
    }

    private static QuestionStore.NewQuestion question(String key) {
        return new QuestionStore.NewQuestion(key, SERVER.toString(), "work", "RU", "tg", "Саволи " + key,
                Optional.empty(), ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8), CLOCK.instant());
    }

    private static QuestionDraft draft() {
        return new QuestionDraft("work-and-pay", "RU", "tg", "Корфармо маоши моҳи гузаштаро надод. Чӣ кор кунам?",
                "", true);
    }

    private static Outbox outbox(QuestionStore store) {
        return new Outbox(store, new JdkHttpTransport(java.time.Duration.ofSeconds(1)), CLOCK);
    }

    /** What the person made, read back: everything a screen of theirs shows. */
    private static void assertStillReadable(Guide guide, QuestionStore questions) {
        UserData user = guide.store().user();
        assertEquals(List.of("", "Фарҳод"), user.people().stream().map(p -> p.name()).toList());
        assertEquals(Set.of("foreign-passport"), user.tickedItems(1, "RU", "before-you-leave"));
        assertTrue(user.isBookmarked(ARTICLE));
        assertEquals(Optional.of(Language.TAJIK), user.settings().language());
        assertEquals(List.of("key-1"), questions.all().stream().map(StoredQuestion::idempotencyKey).toList());
        assertEquals("token-1", questions.deviceToken(() -> "never made", CLOCK.instant()));
    }

    /** Every write path, each refused with {@code problem}. */
    private static void assertEveryWriteRefused(Guide guide, QuestionStore questions, StoreException.Problem problem) {
        UserData user = guide.store().user();
        long question = questions.all().get(0).id();
        List<Executable> writes = List.of(
                () -> user.setTicked(1, "RU", "before-you-leave", "save-hotlines", true),
                () -> user.resetChecklist(1, "RU", "before-you-leave"),
                () -> user.addPerson("Зарина"),
                () -> user.renamePerson(2, "Фарҳоди калон"),
                () -> user.chooseCurrentPerson(2),
                () -> user.bookmark(new ItemRef(ItemKind.CONTACT, "RU", "embassy")),
                () -> user.removeBookmark(ARTICLE),
                () -> user.opened(ARTICLE),
                () -> user.settings().setLanguage(Language.RUSSIAN),
                () -> user.dates().set(1, "RU", tj.migrantsguide.guide.DateEvent.ENTRY, java.time.LocalDate.of(2026, 11, 20)),
                () -> user.dates().record(1, List.of(), List.of()),
                () -> questions.insert(question("key-2")),
                () -> questions.delete(question, CLOCK.instant()),
                () -> questions.recordAttempt(question, CLOCK.instant()),
                () -> questions.markSent("key-1", Optional.of("server-1"), CLOCK.instant()),
                () -> outbox(questions).save(draft(), SERVER));
        for (int i = 0; i < writes.size(); i++) {
            StoreException refused = assertThrows(StoreException.class, writes.get(i), "write " + i);
            assertEquals(problem, refused.problem(), "write " + i + ": " + refused.getMessage());
        }
    }

    @Test
    void onReadOnlyStorageQuestionsAndEverythingElseReadAndEveryWriteIsRefusedByName() throws Exception {
        Path data = temp.resolve("data");
        inUse(data);
        mounts.readOnly(data);
        Set<String> before = files(data);

        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK);
                QuestionStore questions = QuestionStore.open(data)) {
            assertEquals(StoreException.Problem.READ_ONLY, questions.readOnly().orElseThrow().problem());
            assertStillReadable(guide, questions);
            assertEveryWriteRefused(guide, questions, StoreException.Problem.READ_ONLY);
            // "questions" syncs before it lists: on read-only storage that sends nothing and writes nothing.
            SyncReport sync = outbox(questions).sync();
            assertEquals(1, sync.sending().waiting());
            assertEquals(List.of(), sync.problems());
            assertStillReadable(guide, questions);
        }
        assertEquals(before, files(data), "nothing was written to the folder");

        mounts.unmount(data);
        try (QuestionStore questions = QuestionStore.open(data)) {
            assertEquals(Optional.empty(), questions.readOnly());
            questions.insert(question("key-2"));
            assertEquals(2, questions.all().size());
        }
    }

    @Test
    void aFirstQuestionStoreOnReadOnlyStorageReadsAsEmpty() throws Exception {
        Path data = Files.createDirectories(temp.resolve("empty"));
        mounts.readOnly(data);
        try (QuestionStore questions = QuestionStore.open(data)) {
            assertEquals(List.of(), questions.all());
            assertEquals(StoreException.Problem.READ_ONLY,
                    assertThrows(StoreException.class, () -> questions.insert(question("key-1"))).problem());
        }
        assertEquals(Set.of(), files(data));
    }

    @Test
    void onAFullDiskEveryWriteIsRefusedAsFullAndNothingSavedIsLost() throws Exception {
        Path disk = mounts.tmpfs(temp.resolve("disk"), "4m");
        Path data = disk.resolve("data");
        inUse(data);
        Path filler = Mounts.fill(disk, 0);

        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK);
                QuestionStore questions = QuestionStore.open(data)) {
            assertEquals(StoreException.Problem.DISK_FULL, questions.readOnly().orElseThrow().problem());
            assertStillReadable(guide, questions);
            assertEveryWriteRefused(guide, questions, StoreException.Problem.DISK_FULL);
        }

        Files.delete(filler);
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK);
                QuestionStore questions = QuestionStore.open(data)) {
            assertStillReadable(guide, questions);
            questions.insert(question("key-2"));
        }
    }

    @Test
    void aDiskThatFillsWhileOpenRefusesAQuestionAsFullAndKeepsTheOthers() throws Exception {
        Path disk = mounts.tmpfs(temp.resolve("disk"), "2m");
        Path data = disk.resolve("data");
        inUse(data);
        List<String> saved = new java.util.ArrayList<>(List.of("key-1"));
        StoreException refused = null;
        try (QuestionStore questions = QuestionStore.open(data)) {
            Path filler = Mounts.fill(disk, 0);
            // The WAL may still have room in pages it holds: ask on until the disk says no.
            for (int i = 2; i < 100_000 && refused == null; i++) {
                try {
                    questions.insert(question("key-" + i));
                    saved.add("key-" + i);
                } catch (StoreException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null, "a full disk refuses a question at last");
            assertEquals(StoreException.Problem.DISK_FULL, refused.problem(), refused.getMessage());
            System.out.println("[reliability] question on a full disk: " + refused.getMessage() + " (after "
                    + saved.size() + " questions)");
            assertEquals(saved, questions.all().stream().map(StoredQuestion::idempotencyKey).sorted(
                    java.util.Comparator.comparingInt(k -> Integer.parseInt(k.substring(4)))).toList());
            Files.delete(filler);
        }
        try (QuestionStore questions = QuestionStore.open(data)) {
            assertEquals(saved.size(), questions.all().size(), "every saved question, none half-written");
        }
    }

    @Test
    void storageThatVanishesWhileOpenRefusesEveryWriteAsGone() throws Exception {
        Path disk = mounts.tmpfs(temp.resolve("stick"), "8m");
        Path data = disk.resolve("data");
        inUse(data);
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK);
                QuestionStore questions = QuestionStore.open(data)) {
            // The stick is pulled: the open files live on in the kernel, the path leads nowhere.
            mounts.detach(disk);
            assertTrue(!Files.exists(data.resolve("user.db")));
            assertStillReadable(guide, questions);
            assertEveryWriteRefused(guide, questions, StoreException.Problem.VANISHED);
        }
    }

    @Test
    void aDataFolderDeletedWhileOpenRefusesEveryWriteAsGone() throws Exception {
        Path data = temp.resolve("data");
        inUse(data);
        try (Guide guide = Guide.open(data, FeedFiles.directory(small), CLOCK);
                QuestionStore questions = QuestionStore.open(data)) {
            try (var files = Files.walk(data)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            assertEveryWriteRefused(guide, questions, StoreException.Problem.VANISHED);
        }
    }

    private static Set<String> files(Path folder) throws Exception {
        try (var list = Files.list(folder)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }
}

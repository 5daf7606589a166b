package tj.migrantsguide.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.TestRules;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.RuleLength;
import tj.migrantsguide.store.DateNotice;
import tj.migrantsguide.store.UserData;
import tj.migrantsguide.sync.FeedSource;
import tj.migrantsguide.sync.Sync;
import tj.migrantsguide.sync.SyncResult;

/**
 * A person's dates on a real data folder: entered, checked, computed from the installed rules, kept through
 * updates and a recovery, and told once when a synced update moves or withdraws the rule.
 */
class MyDatesTest {
    /** 3 December 2026, 23:30 in Moscow. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T20:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private Path data;
    private FeedFiles snapshot;

    @BeforeEach
    void aDeviceWithTheRealRules() throws Exception {
        data = temp.resolve("data");
        snapshot = FeedFiles.directory(TestFeeds.writeFeedWithRules(temp.resolve("snapshot"), 1,
                language -> List.of(TestRules.russia(language))));
    }

    private Guide start() throws Exception {
        return Guide.open(data, snapshot, clock);
    }

    @Test
    void anEntryThreeDaysAgoGivesTheRegistrationDeadlineFifteenDaysAfterItWithItsSource() throws Exception {
        try (Guide guide = start()) {
            MyDates dates = new MyDates(guide.store(), clock);
            assertEquals(Optional.empty(), dates.set(1, "RU", DateEvent.ENTRY, "2026-11-30"));
            Deadline deadline = dates.deadlines(1, Language.ENGLISH).get(0);
            assertEquals("register-stay-ru", deadline.ruleId());
            assertEquals(LocalDate.of(2026, 12, 15), deadline.due());
            assertEquals(12, deadline.daysLeft(dates.today("RU")));
            assertTrue(deadline.sources().get(0).startsWith("004_48969e50023832c2.txt:31"));
            assertEquals("Register your stay (tg)", dates.deadlines(1, Language.TAJIK).get(0).title());
        }
    }

    @Test
    void remindersStartThreeDaysBeforeAndGoOnWhileOverdue() throws Exception {
        try (Guide guide = start()) {
            MyDates dates = new MyDates(guide.store(), clock);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-15"); // due 30 November: overdue on the 3rd
            assertEquals(1, dates.reminders(1, Language.ENGLISH).size());
            assertTrue(dates.deadlines(1, Language.ENGLISH).get(0).overdue(dates.today("RU")));
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-21"); // due 6 December: 3 days left
            assertEquals(1, dates.reminders(1, Language.ENGLISH).size());
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-22"); // due 7 December: 4 days left
            assertEquals(List.of(), dates.reminders(1, Language.ENGLISH));
        }
    }

    @Test
    void badDaysAreRefusedByNameAndChangeNothing() throws Exception {
        try (Guide guide = start()) {
            MyDates dates = new MyDates(guide.store(), clock);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-30");
            // Today in Moscow is the 3rd (23:30): the 4th is in the future there.
            assertInstanceOf(DateProblem.InTheFuture.class, dates.set(1, "RU", DateEvent.ENTRY, "2026-12-04")
                    .orElseThrow());
            assertInstanceOf(DateProblem.TooEarly.class, dates.set(1, "RU", DateEvent.ENTRY, "1989-12-31")
                    .orElseThrow());
            assertInstanceOf(DateProblem.NotADate.class, dates.set(1, "RU", DateEvent.ENTRY, "2026-02-30")
                    .orElseThrow());
            assertInstanceOf(DateProblem.NotADate.class, dates.set(1, "RU", DateEvent.ENTRY, "yesterday")
                    .orElseThrow());
            assertEquals(LocalDate.of(2026, 11, 30), guide.store().user().dates().dates(1).get(0).day());
            assertEquals(1, guide.store().user().dates().dates(1).size());
            // Today itself is fine, and a passport expires in the future.
            assertEquals(Optional.empty(), dates.set(1, "RU", DateEvent.ENTRY, "2026-12-03"));
            assertEquals(Optional.empty(), dates.set(1, "RU", DateEvent.PASSPORT_EXPIRY, "2031-05-01"));
        }
    }

    @Test
    void aRuleChangedByASyncedUpdateIsToldOnceToTheAffectedPersonOnly() throws Exception {
        long other;
        try (Guide guide = start()) {
            UserData user = guide.store().user();
            other = user.addPerson("Фарҳод").id();
            MyDates dates = new MyDates(guide.store(), clock);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-30");
            dates.set(other, "RU", DateEvent.PASSPORT_EXPIRY, "2031-05-01"); // no rule counts from it
            assertEquals(LocalDate.of(2026, 12, 15), dates.deadlines(1, Language.ENGLISH).get(0).due());
            assertEquals(List.of(), dates.unseenNotices(1));

            // The publisher changes the length (a length made up for this test: no source gives it).
            Path v2 = TestFeeds.writeFeedWithRules(temp.resolve("v2"), 2,
                    language -> List.of(TestRules.russia(language, new RuleLength.CalendarDays(7))));
            SyncResult result = Sync.run(guide.store(), data, FeedSource.folder(v2, TestKeys.pinnedDevelopment()),
                    clock, (done, total) -> {});
            assertInstanceOf(SyncResult.Updated.class, result, result.describe());

            assertEquals(LocalDate.of(2026, 12, 7), dates.deadlines(1, Language.ENGLISH).get(0).due());
            List<DateNotice> notices = dates.unseenNotices(1);
            assertEquals(1, notices.size(), notices::toString);
            DateNotice moved = notices.get(0);
            assertEquals(DateNotice.Kind.MOVED, moved.kind());
            assertEquals(LocalDate.of(2026, 12, 15), moved.dueBefore());
            assertEquals(Optional.of(LocalDate.of(2026, 12, 7)), moved.dueAfter());
            assertEquals(TestRules.VERIFIED, moved.verified());
            assertTrue(moved.sources().get(0).startsWith("004_48969e50023832c2.txt:31"));
            assertEquals(0, dates.reconcile(), "computing again tells nothing new");
            assertEquals(1, dates.allNotices(1).size());
            assertEquals(List.of(), dates.unseenNotices(other));

            dates.markSeen(1, moved.id());
            assertEquals(List.of(), dates.unseenNotices(1));
            assertEquals(1, dates.allNotices(1).size(), "kept in the timeline");
        }
        try (Guide guide = start()) {
            assertEquals(0, new MyDates(guide.store(), clock).reconcile(), "nor after a restart");
        }
    }

    @Test
    void aPersonChangingTheirOwnDayIsNotToldTheRuleMoved() throws Exception {
        try (Guide guide = start()) {
            MyDates dates = new MyDates(guide.store(), clock);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-30");
            dates.deadlines(1, Language.ENGLISH);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-20");
            assertEquals(LocalDate.of(2026, 12, 5), dates.deadlines(1, Language.ENGLISH).get(0).due());
            assertEquals(List.of(), dates.unseenNotices(1));
        }
    }

    @Test
    void aWithdrawnRuleLeavesTheDateMarkedWithdrawn() throws Exception {
        try (Guide guide = start()) {
            MyDates dates = new MyDates(guide.store(), clock);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-30");
            dates.deadlines(1, Language.RUSSIAN);

            Path v2 = TestFeeds.writeFeedWithRules(temp.resolve("v2"), 2, language -> List.of());
            Sync.run(guide.store(), data, FeedSource.folder(v2, TestKeys.pinnedDevelopment()), clock, (d, t) -> {});

            Deadline left = dates.deadlines(1, Language.RUSSIAN).get(0);
            assertTrue(left.withdrawn());
            assertEquals(LocalDate.of(2026, 12, 15), left.due());
            assertEquals("Register your stay (ru)", left.title());
            List<DateNotice> notices = dates.unseenNotices(1);
            assertEquals(1, notices.size());
            assertEquals(DateNotice.Kind.WITHDRAWN, notices.get(0).kind());
            assertEquals(0, dates.reconcile());
        }
    }

    @Test
    void datesSurviveAnUpdateAndARecoveryOfTheUserFile() throws Exception {
        try (Guide guide = start()) {
            UserData user = guide.store().user();
            user.bookmark(new tj.migrantsguide.store.ItemRef(tj.migrantsguide.store.ItemKind.ARTICLE, "RU",
                    "registration-15-days"));
            MyDates dates = new MyDates(guide.store(), clock);
            dates.set(1, "RU", DateEvent.ENTRY, "2026-11-30");
            dates.set(1, "RU", DateEvent.PASSPORT_EXPIRY, "2031-05-01");
            Path v2 = TestFeeds.writeFeedWithRules(temp.resolve("v2"), 2,
                    language -> List.of(TestRules.russia(language)));
            Sync.run(guide.store(), data, FeedSource.folder(v2, TestKeys.pinnedDevelopment()), clock, (d, t) -> {});
            assertEquals(2, user.dates().dates(1).size(), "an update never touches user data");
        }
        // A table of the user file lost (another table than the dates): the rest is salvaged into a fresh file.
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("user.db"));
                var statement = connection.createStatement()) {
            statement.execute("DROP TABLE bookmark");
        }
        try (Guide guide = start()) {
            assertTrue(guide.startReport().recovery().isPresent());
            assertTrue(Files.list(data).anyMatch(f -> f.getFileName().toString().startsWith("user.db.damaged")));
            assertEquals(2, guide.store().user().dates().dates(1).size());
            assertEquals(LocalDate.of(2026, 12, 15),
                    new MyDates(guide.store(), clock).deadlines(1, Language.ENGLISH).get(0).due());
        }
    }
}

package tj.migrantsguide.app.feature.dates

import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreDateBook
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.testClock
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language

/** Which reminders are due while the app runs, once a day, with a clock the test moves. */
class ReminderScheduleTest {
    /** A clock the test sets forward by hand. */
    private class MovingClock(var now: Instant) : Clock() {
        override fun getZone(): ZoneId = ZoneOffset.UTC
        override fun withZone(zone: ZoneId): Clock = this
        override fun instant(): Instant = now
    }

    @Test
    fun `a deadline three days off is told at start, not again that day, and again the next day until it has passed`(@TempDir dir: Path) {
        val clock = MovingClock(testClock.instant())
        openEmbeddedGuide(dir).use { guide ->
            val book = StoreDateBook(guide.store(), clock)
            val today = book.today("RU")
            // 15 days from entry: due in 3 days.
            book.set(1, "RU", DateEvent.ENTRY, today.minusDays(12))
            val schedule = ReminderSchedule(clock)
            assertEquals(listOf("register-stay-ru"), schedule.due(1, book.reminders(1, Language.ENGLISH)).map { it.ruleId() })
            assertEquals(emptyList(), schedule.due(1, book.reminders(1, Language.ENGLISH)))
            clock.now = clock.now.plus(Duration.ofHours(1))
            assertEquals(emptyList(), schedule.due(1, book.reminders(1, Language.ENGLISH)))
            clock.now = clock.now.plus(Duration.ofDays(1))
            assertEquals(1, schedule.due(1, book.reminders(1, Language.ENGLISH)).size)
            // Overdue: still told, once a day.
            clock.now = clock.now.plus(Duration.ofDays(5))
            assertEquals(1, schedule.due(1, book.reminders(1, Language.ENGLISH)).size)
            assertEquals(0, schedule.due(1, book.reminders(1, Language.ENGLISH)).size)
        }
    }

    @Test
    fun `a deadline twelve days off gives no reminder until three days before it`(@TempDir dir: Path) {
        val clock = MovingClock(testClock.instant())
        openEmbeddedGuide(dir).use { guide ->
            val book = StoreDateBook(guide.store(), clock)
            book.set(1, "RU", DateEvent.ENTRY, book.today("RU").minusDays(3))
            val schedule = ReminderSchedule(clock)
            for (day in 0 until 9) {
                assertEquals(emptyList(), schedule.due(1, book.reminders(1, Language.ENGLISH)), "day $day")
                clock.now = clock.now.plus(Duration.ofDays(1))
            }
            assertEquals(1, schedule.due(1, book.reminders(1, Language.ENGLISH)).size)
        }
    }

    @Test
    fun `with no tray the reminders wait in the app's banner, in the person's language`(@TempDir dir: Path) {
        val clock = MovingClock(testClock.instant())
        openEmbeddedGuide(dir).use { guide ->
            val userData = StoreUserData(guide.store().user())
            userData.updateSettings { it.copy(language = Language.RUSSIAN, country = "RU") }
            val book = StoreDateBook(guide.store(), clock)
            book.set(1, "RU", DateEvent.ENTRY, book.today("RU").minusDays(14))
            val sent = mutableListOf<Reminder>()
            val withTray = DateReminders(book, userData, clock) { sent += it; true }
            withTray.check()
            assertEquals(1, sent.size)
            assertTrue(withTray.banner.value.isEmpty())
            val noTray = DateReminders(book, userData, clock) { false }
            noTray.check()
            noTray.check()
            assertEquals(1, noTray.banner.value.size)
            assertTrue(noTray.banner.value.single().text.contains("осталось"), noTray.banner.value.single().text)
            noTray.dismissBanner()
            noTray.check()
            assertTrue(noTray.banner.value.isEmpty())
        }
    }
}

package tj.migrantsguide.app.feature.dates

import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import net.fortuna.ical4j.data.CalendarBuilder
import net.fortuna.ical4j.model.component.VAlarm
import net.fortuna.ical4j.model.component.VEvent
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreDateBook
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.testClock
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.dates.DateProblem
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/** The timeline's state over the built-in rules, the typed-day rules of the entry screen, and "Add to calendar". */
class DatesTimelineTest {
    @Test
    fun `an entry three days ago in Russia shows the 15-day rule in plain words, its sources, check date and article`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val book = StoreDateBook(guide.store(), testClock)
            val content = StoreGuideContent(guide.store())
            val today = book.today("RU")
            book.set(1, "RU", DateEvent.ENTRY, today.minusDays(3))
            val state = loadDatesState(content, book, 1, null, "RU", Language.ENGLISH)
            val deadline = state.deadlines.single { it.ruleId == "register-stay-ru" }
            assertEquals(today.minusDays(3).plusDays(15), deadline.due)
            assertEquals(12, deadline.daysLeft)
            assertTrue(deadline.rule.contains("15 days"), deadline.rule)
            assertTrue(deadline.sources.any { it.startsWith("004_48969e50023832c2.txt:31") }, deadline.sources.toString())
            assertEquals(LocalDate.of(2026, 12, 3), deadline.verified.orElseThrow())
            assertEquals(ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days"), deadline.article)
            assertNotNull(deadline.articleTitle)
            assertTrue(!deadline.overdue && !deadline.withdrawn)
            assertEquals(today.minusDays(3), state.days.single { it.event == DateEvent.ENTRY }.day)
            assertNull(state.days.single { it.event == DateEvent.REGISTRATION }.day)
            assertEquals(DateEvent.entries.size, state.days.size)
        }
    }

    @Test
    fun `an entry twenty days ago is overdue, with what happens when missed and whom to ask`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val book = StoreDateBook(guide.store(), testClock)
            book.set(1, "RU", DateEvent.ENTRY, book.today("RU").minusDays(20))
            val deadline = loadDatesState(StoreGuideContent(guide.store()), book, 1, null, "RU", Language.RUSSIAN)
                .deadlines.single { it.ruleId == "register-stay-ru" }
            assertTrue(deadline.overdue)
            assertEquals(-5, deadline.daysLeft)
            assertTrue(deadline.missed.isNotBlank())
            assertEquals(listOf("ministry-office-russia"), deadline.contacts.map { it.first.id() })
        }
    }

    @Test
    fun `a day is typed as day month year with dots, slashes or dashes, or in the ISO form`() {
        assertEquals(LocalDate.of(2026, 12, 5), parseTypedDay("05.12.2026"))
        assertEquals(LocalDate.of(2026, 12, 5), parseTypedDay(" 5.12.2026 "))
        assertEquals(LocalDate.of(2026, 12, 5), parseTypedDay("5/12/2026"))
        assertEquals(LocalDate.of(2026, 12, 5), parseTypedDay("2026-12-05"))
        assertEquals(LocalDate.of(2024, 2, 29), parseTypedDay("29.02.2024"))
        assertNull(parseTypedDay("29.02.2026"))
        assertNull(parseTypedDay("31.11.2026"))
        assertNull(parseTypedDay("12.2026"))
        assertNull(parseTypedDay("5.12.26"))
        assertNull(parseTypedDay("yesterday"))
        assertNull(parseTypedDay(""))
    }

    @Test
    fun `a bad day gets the command line's reasons in the reader's language`() {
        val en = Strings.of(Language.ENGLISH)
        val today = LocalDate.of(2026, 12, 3)
        assertEquals(
            en[S.DATE_IN_FUTURE, "date" to en.wholeDate(today.plusDays(2)), "today" to en.wholeDate(today), "country" to "Russia"],
            problemText(en, DateProblem.InTheFuture(today.plusDays(2), today, "RU"), "Russia"),
        )
        assertTrue(problemText(en, DateProblem.TooEarly(LocalDate.of(1989, 1, 1), LocalDate.of(1990, 1, 1)), "Russia").contains("1990"))
        for (language in Language.entries) {
            val text = problemText(Strings.of(language), DateProblem.NotADate("12.13.2026"), "RU")
            assertTrue(text.contains("12.13.2026"), text)
        }
    }

    @Test
    fun `Add to calendar writes an ics file a calendar reads back, with the deadline and its alarms`(@TempDir dir: Path) {
        openEmbeddedGuide(dir.resolve("data")).use { guide ->
            val services = storeServices(guide, dir.resolve("data"))
            val today = services.dates.today("KZ")
            services.dates.set(1, "KZ", DateEvent.ENTRY, today.minusDays(3))
            val file = calendarFile(null, dir)
            assertEquals(dir.resolve("my-dates.ics"), file)
            writeCalendar(services, 1, Language.TAJIK, file)
            val calendar = Files.newInputStream(file).use { CalendarBuilder().build(it) }
            val events = calendar.getComponents<VEvent>("VEVENT")
            assertEquals(1, events.size)
            assertTrue(events.single().getProperty<net.fortuna.ical4j.model.Property>("DTSTART").orElseThrow().value
                .startsWith(today.minusDays(3).plusDays(30).toString().replace("-", "")))
            assertEquals(2, events.single().getComponents<VAlarm>("VALARM").size)
        }
    }

    @Test
    fun `a named person's calendar file is named after them, in the Documents folder when there is one`(@TempDir dir: Path) {
        Files.createDirectories(dir.resolve("Documents"))
        assertEquals(dir.resolve("Documents/my-dates-фарид.ics"), calendarFile("Фарид", dir))
    }
}

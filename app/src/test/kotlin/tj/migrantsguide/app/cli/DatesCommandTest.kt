package tj.migrantsguide.app.cli

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.io.StringReader
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import net.fortuna.ical4j.data.CalendarBuilder
import net.fortuna.ical4j.model.Component
import net.fortuna.ical4j.model.component.VEvent
import tj.migrantsguide.app.testClock
import tj.migrantsguide.dates.Destinations

/** `dates`, `dates set`, `dates ics` over the real built-in content (its rules: Russia's 15 days, Kazakhstan's 30). */
class DatesCommandTest {
    private val data: Path = createTempDirectory("dates-data")

    private class Run(val code: Int, val out: String, val err: String)

    private fun dates(vararg args: String): Run {
        val out = ByteArrayOutputStream()
        val err = ByteArrayOutputStream()
        val command = CommandLine.parse(listOf("dates", *args, "--data", data.toString()), emptyMap(), "/home/nobody")
        val code = runCommand(command, PrintStream(out, true, StandardCharsets.UTF_8), PrintStream(err, true, StandardCharsets.UTF_8), testClock)
        return Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8))
    }

    private fun today(country: String): LocalDate = Destinations.today(country, testClock)

    @Test
    fun `an entry three days ago in Russia gives the registration deadline fifteen days after it, with its source`() {
        val entry = today("RU").minusDays(3)
        val set = dates("set", "--entry", entry.toString(), "--country", "RU")
        assertEquals(0, set.code, set.err)
        val listed = dates("--lang", "en")
        assertEquals(0, listed.code, listed.err)
        assertTrue(listed.out.contains("Register your stay: 12 days left"), listed.out)
        assertTrue(listed.out.contains(entry.plusDays(15).toString()), listed.out)
        assertTrue(listed.out.contains("15 calendar-days from entry $entry"), listed.out)
        assertTrue(listed.out.contains("source: 004_48969e50023832c2.txt:31"), listed.out)
    }

    @Test
    fun `the same for Kazakhstan's thirty days, in Tajik`() {
        val entry = today("KZ").minusDays(3)
        assertEquals(0, dates("set", "--entry", entry.toString(), "--country", "kz").code)
        val listed = dates("--lang", "tg")
        assertTrue(listed.out.contains("Ба қайд гузошта шавед: 27 days left"), listed.out)
        assertTrue(listed.out.contains(entry.plusDays(30).toString()), listed.out)
        assertTrue(listed.out.contains("source: 004_48969e50023832c2.txt:37"), listed.out)
    }

    @Test
    fun `bad days get a clear message and change nothing`() {
        val entry = today("RU").minusDays(3)
        dates("set", "--entry", entry.toString(), "--country", "RU")
        for ((day, words) in listOf(today("RU").plusDays(1).toString() to "after today", "1989-12-31" to "before 1990",
            "2026-02-30" to "is not a date", "yesterday" to "is not a date")) {
            val refused = dates("set", "--entry", day, "--country", "RU")
            assertEquals(2, refused.code)
            assertTrue(refused.err.contains(words) && refused.err.contains("nothing was saved"), refused.err)
        }
        // One bad day among good ones saves none of them.
        val mixed = dates("set", "--entry", today("RU").minusDays(1).toString(), "--registration", "1980-01-01", "--country", "RU")
        assertEquals(2, mixed.code)
        assertTrue(dates("--lang", "en").out.contains("15 calendar-days from entry $entry"))
    }

    @Test
    fun `an unknown person or action is refused in words`() {
        val nobody = dates("--person", "Nobody")
        assertEquals(2, nobody.code)
        assertTrue(nobody.err.contains("no person 'Nobody'"), nobody.err)
        assertTrue(assertFailsWith<CommandLine.UsageError> {
            CommandLine.parse(listOf("dates", "set"), emptyMap(), "/h")
        }.message!!.contains("--entry"))
        assertTrue(assertFailsWith<CommandLine.UsageError> {
            CommandLine.parse(listOf("dates", "ics", "--out", "a.txt"), emptyMap(), "/h")
        }.message!!.contains(".ics"))
    }

    @Test
    fun `dates ics writes a calendar the library reads back with its alarms`() {
        dates("set", "--entry", today("RU").minusDays(3).toString(), "--country", "RU")
        val file = createTempDirectory("dates-ics").resolve("my-dates.ics")
        val written = dates("ics", "--out", file.toString())
        assertEquals(0, written.code, written.err)
        val calendar = CalendarBuilder().build(StringReader(Files.readString(file)))
        val events = calendar.getComponents<VEvent>(Component.VEVENT)
        assertEquals(1, events.size)
        assertEquals(2, events[0].getComponents<Component>(Component.VALARM).size)
    }
}

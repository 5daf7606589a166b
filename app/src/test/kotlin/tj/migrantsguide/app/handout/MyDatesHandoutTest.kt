package tj.migrantsguide.app.handout

import java.io.ByteArrayOutputStream
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertTrue
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreDateBook
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.testClock
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language

/** The printable "My dates" handout, rendered to a PDF and read back as text. */
class MyDatesHandoutTest {
    private fun textOf(pdf: ByteArray): String = Loader.loadPDF(pdf).use { PDFTextStripper().getText(it) }

    /** Extraction may re-wrap lines: compare with every run of whitespace as one space. */
    private fun flat(text: String) = text.replace(Regex("\\s+"), " ")

    @Test
    fun `the handout has each deadline with its day, what it counts from, the rule, its sources and check date`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val book = StoreDateBook(guide.store(), testClock)
            val ruEntry = book.today("RU").minusDays(3)
            book.set(1, "RU", DateEvent.ENTRY, ruEntry)
            book.set(1, "KZ", DateEvent.ENTRY, book.today("KZ").minusDays(40))
            val content = StoreGuideContent(guide.store())
            for (language in Language.entries) {
                val strings = Strings.of(language)
                val pdf = ByteArrayOutputStream()
                HandoutMaker(content, null, testClock).write(HandoutRequest.MyDates(1, "Фарид"), language, pdf)
                val text = flat(textOf(pdf.toByteArray()))
                assertTrue(text.contains(flat(strings[S.MY_DATES] + " — Фарид")), text)
                for (deadline in content.deadlines(1, language, testClock)) {
                    val rule = deadline.rule().orElseThrow()
                    assertTrue(text.contains(flat(rule.title())), "no title ${rule.title()} in $text")
                    assertTrue(text.contains(strings.date(deadline.due())), "no due day in $text")
                    assertTrue(text.contains(strings.date(deadline.eventDay())), "no event day in $text")
                    // Its sources by name (issue 21), never a file name.
                    val named = tj.migrantsguide.app.model.sourceTitles(strings, language, rule.sources(), content.namedSources())
                    assertTrue(named.isNotBlank() && text.contains(flat(named)), "no sources \"$named\" in $text")
                    assertTrue(!text.contains(".txt:"), text)
                    assertTrue(text.contains(flat(strings[S.VERIFIED_ON, "date" to strings.date(rule.verified().orElseThrow())])), text)
                }
                // Kazakhstan's 30 days from 40 days ago: overdue on paper too.
                assertTrue(text.contains(flat(strings[S.DEADLINE_OVERDUE, "title" to content.deadlines(1, language, testClock)
                    .first { it.countryCode() == "KZ" }.title(), "date" to strings.date(book.today("KZ").minusDays(10))])), text)
                assertTrue(text.contains(flat(strings[S.HANDOUT_DEADLINE, "title" to content.deadlines(1, language, testClock)
                    .first { it.countryCode() == "RU" }.title(), "date" to strings.date(ruEntry.plusDays(15))])), text)
                if (language == Language.TAJIK) assertTrue(Regex("[ғӣқӯҳҷ]").containsMatchIn(text), text)
            }
        }
    }
}

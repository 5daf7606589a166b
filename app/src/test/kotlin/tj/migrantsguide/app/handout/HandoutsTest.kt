package tj.migrantsguide.app.handout

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.time.Clock
import java.time.LocalDate
import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import tj.migrantsguide.app.openGuide
import tj.migrantsguide.guide.Language

class HandoutsTest {
    private val labels = HandoutLabels(
        appName = "Роҳнамои муҳоҷир",
        checklistHeading = "Рӯйхат",
        contactsHeading = "Рақамҳои муҳим",
        contentOf = { "Мундариҷа аз $it" },
        lastVerified = { "Охирин санҷиш: $it" },
        notVerified = "Ҳанӯз тасдиқ нашудааст",
        dialAsWritten = "Чун навишта шудааст занг занед",
        noVerifiedNumber = "Рақами тасдиқшуда нест",
        address = "Суроға",
        hours = "Соатҳо",
        sources = "Манбаъҳо",
        notEmergencyService = "Ин хадамоти ёрии фаврӣ нест",
        page = { page, pages -> "саҳ. $page/$pages" },
    )

    @Test
    fun `a checklist handout carries its items in tajik letters, the content date and the check date`() {
        openGuide(createTempDirectory("handout"), Clock.systemUTC(), PrintStream(ByteArrayOutputStream()))!!.use { guide ->
            val store = guide.store()
            val checklist = store.checklists("RU", Language.TAJIK).first()
            val russia = store.countries().first { it.code() == "RU" }
            val pdf = ByteArrayOutputStream()
            Handouts.checklist(checklist, russia, Language.TAJIK, labels, LocalDate.of(2026, 11, 23), pdf)
            keep("checklist-RU-tg.pdf", pdf.toByteArray())

            val text = textOf(pdf.toByteArray())
            assertTrue(text.contains(checklist.title()), text)
            for (item in checklist.items()) {
                // Extraction may re-wrap long lines; every word must come back with its Tajik letters.
                for (word in item.text().split(' ').filter { it.length > 3 }) {
                    assertTrue(text.contains(word.trimEnd('.', ',', ':', ';')), "missing '$word' in:\n$text")
                }
            }
            assertTrue(text.contains("Мундариҷа аз 2026-11-23"), text)
            val checked = checklist.verified().map { "Охирин санҷиш: $it" }.orElse("Ҳанӯз тасдиқ нашудааст")
            assertTrue(text.contains(checked), text)
            assertTrue(Regex("[ғӣқӯҳҷ]").containsMatchIn(text), text)
        }
    }

    @Test
    fun `a contacts handout puts every number of the country on paper, emergency first`() {
        openGuide(createTempDirectory("handout"), Clock.systemUTC(), PrintStream(ByteArrayOutputStream()))!!.use { guide ->
            val store = guide.store()
            val contacts = store.contacts("RU", Language.RUSSIAN)
            val russia = store.countries().first { it.code() == "RU" }
            val pdf = ByteArrayOutputStream()
            Handouts.contacts(contacts, russia, Language.RUSSIAN, labels, null, pdf)
            keep("contacts-RU-ru.pdf", pdf.toByteArray())

            val text = textOf(pdf.toByteArray())
            for (phone in contacts.flatMap { it.phones() }) {
                assertTrue(text.contains(phone.display()), "missing ${phone.display()} in:\n$text")
            }
            val firstEmergency = contacts.first { it.emergency() }.name()
            val firstOther = contacts.firstOrNull { !it.emergency() }?.name()
            if (firstOther != null) {
                assertTrue(text.indexOf(firstEmergency) < text.indexOf(firstOther), text)
            }
            assertTrue(text.contains("227-07-07-07"), text)
        }
    }

    @Test
    fun `a character the font lacks is replaced, never a failure`() {
        val pdf = ByteArrayOutputStream()
        org.apache.pdfbox.pdmodel.PDDocument().use { document ->
            val layout = PdfLayout(document) { page, pages -> "$page/$pages" }
            layout.paragraph("Salom 🙂 ҳуҷҷат", PdfLayout.Style(12f))
            layout.finish()
            document.save(pdf)
        }
        assertTrue(textOf(pdf.toByteArray()).contains("Salom ? ҳуҷҷат"))
    }

    @Test
    fun `long words are cut to fit the line instead of running off the page`() {
        org.apache.pdfbox.pdmodel.PDDocument().use { document ->
            val layout = PdfLayout(document) { _, _ -> "" }
            val lines = PdfLayout.wrap("а ".repeat(3) + "б".repeat(400), layout.regular, 12f, 200f)
            assertTrue(lines.size > 2, lines.toString())
            assertEquals("б".repeat(400), lines.drop(1).joinToString(""))
        }
    }

    /** Left in target/handouts for a look (pdftoppm) after the build. */
    private fun keep(name: String, pdf: ByteArray) {
        val folder = java.nio.file.Path.of("target", "handouts")
        java.nio.file.Files.createDirectories(folder)
        java.nio.file.Files.write(folder.resolve(name), pdf)
    }

    private fun textOf(pdf: ByteArray): String = Loader.loadPDF(pdf).use { PDFTextStripper().getText(it) }
}

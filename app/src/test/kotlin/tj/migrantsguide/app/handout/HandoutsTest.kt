package tj.migrantsguide.app.handout

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.time.Clock
import kotlin.io.path.createTempDirectory
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.ContactKind
import tj.migrantsguide.guide.Language

class HandoutsTest {

    private val downloadUrl = "http://127.0.0.1:8080/get-the-app"

    @Test
    fun `every checklist handout in every language carries its items, the content date and the check date`() {
        withGuide { content ->
            val published = content.edition()!!.published.atZone(java.time.ZoneOffset.UTC).toLocalDate()
            for (language in Language.values()) {
                val strings = Strings.of(language)
                for (country in listOf("RU", "TJ")) {
                    for (checklist in content.checklists(country, language)) {
                        val pdf = ByteArrayOutputStream()
                        HandoutMaker(content, downloadUrl).write(HandoutRequest.Checklist(checklist.id()), language, pdf)
                        if (country == "RU" && language == Language.TAJIK) keep("checklist-RU-tg.pdf", pdf.toByteArray())
                        val text = textOf(pdf.toByteArray())
                        assertTrue(text.contains(checklist.title()), text)
                        for (item in checklist.items()) {
                            // Extraction may re-wrap long lines; every word must come back with its own letters.
                            for (word in item.text().split(' ').filter { it.length > 3 }) {
                                assertTrue(text.contains(word.trimEnd('.', ',', ':', ';', ')')), "missing '$word' in:\n$text")
                            }
                        }
                        assertTrue(text.contains(strings[S.STATUS_CONTENT_DATE, "date" to strings.date(published)]), text)
                        val checked = checklist.verified().map { strings[S.VERIFIED_ON, "date" to strings.date(it)] }
                            .orElse(strings[S.VERIFIED_UNKNOWN])
                        assertTrue(text.contains(checked), text)
                        assertTrue(text.contains(downloadUrl), text)
                        if (language == Language.TAJIK) assertTrue(Regex("[ғӣқӯҳҷ]").containsMatchIn(text), text)
                    }
                }
            }
        }
    }

    @Test
    fun `every contacts handout in every language has every number, emergency lines first, and each check date`() {
        withGuide { content ->
            for (language in Language.values()) {
                val strings = Strings.of(language)
                // Every country in Tajik (the letters most at risk); Russia and home in the other two (each PDF costs
                // about a second and a half here).
                val countries = if (language == Language.TAJIK) content.countries().map { it.code() } else listOf("RU", "TJ")
                for (country in countries) {
                    val contacts = content.contacts(country, language)
                    val pdf = ByteArrayOutputStream()
                    HandoutMaker(content, downloadUrl).write(HandoutRequest.Contacts(country), language, pdf)
                    if (country == "RU" && language == Language.RUSSIAN) keep("contacts-RU-ru.pdf", pdf.toByteArray())
                    val text = textOf(pdf.toByteArray())
                    for (contact in contacts) {
                        for (phone in contact.phones()) {
                            // Digits as printed: a number must never lose or change a digit on paper.
                            assertTrue(text.contains(phone.display()), "$country/${language.code()}: missing ${phone.display()} in:\n$text")
                        }
                        contact.verified().ifPresent {
                            assertTrue(text.contains(strings[S.VERIFIED_ON, "date" to strings.date(it)]), text)
                        }
                    }
                    if (contacts.any { it.verified().isEmpty }) assertTrue(text.contains(strings[S.VERIFIED_UNKNOWN]), text)
                    val emergency = contacts.filter { it.emergency() }
                    val other = contacts.filter { !it.emergency() && it.kind() !in setOf(ContactKind.EMERGENCY, ContactKind.HOTLINE) }
                    if (emergency.isNotEmpty() && other.isNotEmpty()) {
                        // The start of each name: a long name may wrap onto a second line.
                        val firstEmergency = text.indexOf(emergency.first().name().take(16))
                        val firstOther = text.indexOf(other.first().name().take(16))
                        assertTrue(firstEmergency in 0 until firstOther, "$country/${language.code()}:\n$text")
                    }
                    if (language == Language.TAJIK) assertTrue(Regex("[ғӣқӯҳҷ]").containsMatchIn(text), text)
                }
            }
            // The anti-trafficking hotline, in the form people dial it in Tajikistan.
            val pdf = ByteArrayOutputStream()
            HandoutMaker(content, null).write(HandoutRequest.Contacts("RU"), Language.TAJIK, pdf)
            val text = textOf(pdf.toByteArray())
            assertTrue(text.contains("227-07-07-07"), text)
            assertTrue(!text.contains(downloadUrl), "no address given, none printed")
        }
    }

    @Test
    fun `a development build's placeholder link is said to be one on paper, a public link is not`() {
        withGuide { content ->
            for (language in Language.values()) {
                val warning = Strings.of(language)[S.LINK_PLACEHOLDER]
                fun handout(url: String) = ByteArrayOutputStream().also {
                    HandoutMaker(content, url).write(HandoutRequest.Contacts("RU"), language, it)
                }.toByteArray().let(::textOf).replace(Regex("\\s+"), " ")
                val placeholder = handout(downloadUrl)
                assertTrue(placeholder.contains(warning), "${language.code()}: $placeholder")
                val public = handout("https://apps.ministry-of-labour.tj/get-the-app")
                assertTrue(public.contains("https://apps.ministry-of-labour.tj/get-the-app"), public)
                assertTrue(!public.contains(warning), "a public address is not called a placeholder: $public")
            }
        }
    }

    @Test
    fun `an unknown checklist or country is refused with the ones there are`() {
        withGuide { content ->
            val maker = HandoutMaker(content, null)
            val noList = assertFailsWith<HandoutNotMade.UnknownChecklist> {
                maker.write(HandoutRequest.Checklist("no-such-list"), Language.TAJIK, ByteArrayOutputStream())
            }
            assertTrue(noList.known.any { it.startsWith(content.checklists("RU", Language.ENGLISH).first().id()) }, noList.known.toString())
            val noCountry = assertFailsWith<HandoutNotMade.UnknownCountry> {
                maker.write(HandoutRequest.Contacts("XX"), Language.RUSSIAN, ByteArrayOutputStream())
            }
            assertTrue("RU" in noCountry.known && "TJ" in noCountry.known, noCountry.known.toString())
        }
    }

    @Test
    fun `a phone number in a checklist item is never split over two lines`() {
        val text = "Рақамҳои Намояндагии Вазоратро дар Федератсияи Россия нигоҳ доред: +7 (495) 967-98-44 ва +7 (999) 912-58-68."
        val kept = Handouts.numbersKeptWhole(text)
        assertTrue(kept.contains("+7\u00A0(495)\u00A0967-98-44") && kept.contains("+7\u00A0(999)\u00A0912-58-68"), kept)
        assertTrue(kept.startsWith("Рақамҳои Намояндагии"), "words stay breakable")
        org.apache.pdfbox.pdmodel.PDDocument().use { document ->
            val layout = PdfLayout(document) { _, _ -> "" }
            for (width in listOf(180f, 240f, 300f, 420f)) {
                val lines = PdfLayout.wrap(kept, layout.regular, 12f, width)
                assertTrue(lines.any { it.contains("+7\u00A0(495)\u00A0967-98-44") }, "$width: $lines")
            }
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

    private fun withGuide(test: (StoreGuideContent) -> Unit) {
        openGuide(createTempDirectory("handout"), Clock.systemUTC(), PrintStream(ByteArrayOutputStream()))!!.use { guide ->
            test(StoreGuideContent(guide.store()))
        }
    }

    private fun textOf(pdf: ByteArray): String = Loader.loadPDF(pdf).use { PDFTextStripper().getText(it) }
}

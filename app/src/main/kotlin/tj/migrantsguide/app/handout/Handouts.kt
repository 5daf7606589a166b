package tj.migrantsguide.app.handout

import java.awt.Color
import java.io.OutputStream
import java.time.LocalDate
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.pdmodel.PDDocumentInformation
import tj.migrantsguide.feed.PublicAddress
import tj.migrantsguide.app.model.ArticleText
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language

/**
 * Words printed on handouts around the content, in one language. Filled from the app's strings
 * ([Strings]) by [handoutLabels].
 */
data class HandoutLabels(
    val appName: String,
    val checklistHeading: String,
    val contactsHeading: String,
    val contentOf: (LocalDate) -> String,
    val lastVerified: (LocalDate) -> String,
    val notVerified: String,
    val dialAsWritten: String,
    val noVerifiedNumber: String,
    val address: String,
    val hours: String,
    val sources: String,
    val notEmergencyService: String,
    val page: (Int, Int) -> String,
    /** "Get the app: URL", beside the QR code at the end of a handout. */
    val getTheApp: (String) -> String,
    /** Under the QR code when the link is a development placeholder no phone can open (issue 18). */
    val linkPlaceholder: String = "",
    /** An item's sources as their named documents and sites, never file names (issue 21). */
    val sourceNames: (List<String>) -> String = { it.joinToString("; ") },
)

/** A heading and its contacts, in the order the app's contacts screen shows them. */
data class ContactSection(val title: String, val contacts: List<Contact>)

/** What goes on paper: a checklist to tick with a pen, or a country's contacts with the emergency numbers first. */
object Handouts {
    private val title = PdfLayout.Style(20f, bold = true)
    private val subtitle = PdfLayout.Style(11f, color = Color.DARK_GRAY)
    private val heading = PdfLayout.Style(13f, bold = true)
    private val sectionTitle = PdfLayout.Style(15f, bold = true, color = Color(0x00, 0x5F, 0x5A))
    private val body = PdfLayout.Style(11f)
    private val item = PdfLayout.Style(12f)
    private val number = PdfLayout.Style(16f, bold = true)
    private val small = PdfLayout.Style(9f, color = Color.DARK_GRAY)
    private val warning = PdfLayout.Style(9.5f, color = Color(0x8D, 0x4E, 0x00))

    fun checklist(
        checklist: Checklist,
        country: Country,
        language: Language,
        labels: HandoutLabels,
        contentDate: LocalDate?,
        downloadUrl: String?,
        out: OutputStream,
    ) = write(out, "${checklist.title()} — ${country.name(language)}", labels, contentDate, downloadUrl) { layout ->
        layout.paragraph(labels.checklistHeading + " · " + country.name(language), subtitle, 2f)
        layout.paragraph(checklist.title(), title, 10f)
        for (entry in checklist.items()) {
            layout.checkbox(numbersKeptWhole(entry.text()), item)
        }
        layout.space(6f)
        layout.rule()
        layout.paragraph(
            checklist.verified().map(labels.lastVerified).orElse(labels.notVerified),
            small,
            2f,
        )
        layout.paragraph(labels.sources + ": " + labels.sourceNames(checklist.sources()), small)
    }

    fun contacts(
        sections: List<ContactSection>,
        country: Country,
        language: Language,
        labels: HandoutLabels,
        contentDate: LocalDate?,
        downloadUrl: String?,
        out: OutputStream,
    ) = write(out, "${labels.contactsHeading} — ${country.name(language)}", labels, contentDate, downloadUrl) { layout ->
        layout.paragraph(labels.contactsHeading, subtitle, 2f)
        layout.paragraph(country.name(language), title, 6f)
        layout.paragraph(labels.notEmergencyService, warning, 10f)
        for (section in sections) {
            layout.keepWithNext(60f)
            layout.paragraph(section.title, sectionTitle, 4f)
            for (contact in section.contacts) contact(layout, contact, labels)
            layout.space(8f)
        }
    }

    /**
     * My dates on paper (issue 16), for trainers to hand out after class: each deadline with its day, what it counts
     * from, the rule in plain words, what happens when it is missed, its sources and check date.
     */
    fun myDates(
        deadlines: List<tj.migrantsguide.dates.Deadline>,
        personName: String?,
        strings: Strings,
        labels: HandoutLabels,
        contentDate: LocalDate?,
        downloadUrl: String?,
        clock: java.time.Clock,
        out: OutputStream,
    ) = write(out, strings[tj.migrantsguide.app.text.S.MY_DATES] + (personName?.let { " — $it" } ?: ""), labels, contentDate, downloadUrl) { layout ->
        layout.paragraph(labels.appName, subtitle, 2f)
        layout.paragraph(strings[S.MY_DATES] + (personName?.let { " — $it" } ?: ""), title, 10f)
        if (deadlines.isEmpty()) layout.paragraph(strings[S.DATES_EMPTY], body)
        for (deadline in deadlines) {
            layout.keepWithNext(80f)
            layout.rule()
            val today = tj.migrantsguide.dates.Destinations.today(deadline.countryCode(), clock)
            val left = deadline.daysLeft(today)
            val line = when {
                deadline.withdrawn() -> strings[S.DATES_WITHDRAWN_LINE, "title" to deadline.title(), "date" to strings.date(deadline.due())]
                left < 0 -> strings[S.DEADLINE_OVERDUE, "title" to deadline.title(), "date" to strings.date(deadline.due())]
                left == 0L -> strings[S.DEADLINE_TODAY, "title" to deadline.title(), "date" to strings.date(deadline.due())]
                else -> strings[S.HANDOUT_DEADLINE, "title" to deadline.title(), "date" to strings.date(deadline.due())]
            }
            layout.paragraph(line, heading, 3f)
            if (deadline.withdrawn()) layout.paragraph(strings[S.DATES_RULE_WITHDRAWN], warning, 2f)
            layout.paragraph(strings[S.DATES_FROM, "event" to eventLabel(strings, deadline.event()), "date" to strings.date(deadline.eventDay())], body, 2f)
            deadline.rule().ifPresent { rule ->
                layout.paragraph(numbersKeptWhole(rule.body()), body, 2f)
                if (deadline.earliestPossible()) layout.paragraph(strings[S.DEADLINE_EARLIEST], small, 2f)
                layout.paragraph(strings[S.DATES_IF_MISSED, "text" to rule.missed()], body, 2f)
                layout.paragraph(labels.sources + ": " + labels.sourceNames(rule.sources()), small, 1f)
                layout.paragraph(rule.verified().map(labels.lastVerified).orElse(labels.notVerified), small, 4f)
            }
        }
        layout.space(6f)
        layout.paragraph(strings[S.HANDOUT_DATES_PRINTED, "date" to strings.date(LocalDate.now(clock))], small, 2f)
    }

    private fun eventLabel(strings: Strings, event: tj.migrantsguide.guide.DateEvent): String {
        return when (event) {
            tj.migrantsguide.guide.DateEvent.ENTRY -> strings[S.EVENT_ENTRY]
            tj.migrantsguide.guide.DateEvent.REGISTRATION -> strings[S.EVENT_REGISTRATION]
            tj.migrantsguide.guide.DateEvent.PATENT_ISSUED -> strings[S.EVENT_PATENT_ISSUED]
            tj.migrantsguide.guide.DateEvent.LAST_PAID -> strings[S.EVENT_LAST_PAID]
            tj.migrantsguide.guide.DateEvent.PASSPORT_EXPIRY -> strings[S.EVENT_PASSPORT_EXPIRY]
        }
    }

    private fun contact(layout: PdfLayout, contact: Contact, labels: HandoutLabels) {
        // A contact's name never ends a page alone: its first number goes with it.
        layout.keepWithNext(70f)
        layout.rule()
        layout.paragraph(contact.name(), heading, 2f)
        if (contact.phones().isEmpty()) {
            layout.paragraph(labels.noVerifiedNumber, warning, 2f)
        }
        for (phone in contact.phones()) {
            layout.paragraph(phone.display(), number, 1f)
            if (!phone.canDial()) layout.paragraph(labels.dialAsWritten, warning, 2f)
        }
        if (contact.address().isNotBlank()) layout.paragraph(labels.address + ": " + contact.address(), body, 1f)
        if (contact.hours().isNotBlank()) layout.paragraph(labels.hours + ": " + contact.hours(), body, 1f)
        if (contact.note().isNotBlank()) layout.paragraph(plainText(contact.note()), small, 2f)
        layout.paragraph(contact.verified().map(labels.lastVerified).orElse(labels.notVerified), small, 4f)
    }

    private fun write(
        out: OutputStream,
        documentTitle: String,
        labels: HandoutLabels,
        contentDate: LocalDate?,
        downloadUrl: String?,
        draw: (PdfLayout) -> Unit,
    ) {
        PDDocument().use { document ->
            document.documentInformation = PDDocumentInformation().apply {
                title = documentTitle
                creator = labels.appName
            }
            val footer = { page: Int, pages: Int ->
                listOfNotNull(labels.appName, contentDate?.let(labels.contentOf), labels.page(page, pages))
                    .joinToString(" · ")
            }
            val layout = PdfLayout(document, footer)
            draw(layout)
            if (downloadUrl != null) {
                layout.space(10f)
                layout.qrCode(downloadUrl, labels.getTheApp(downloadUrl), small)
                if (!PublicAddress.isPublic(downloadUrl) && labels.linkPlaceholder.isNotEmpty()) {
                    layout.paragraph(labels.linkPlaceholder, warning)
                }
            }
            layout.finish()
            document.save(out)
        }
    }

    /**
     * A phone number inside a sentence ("+7 (495) 967-98-44") is joined with no-break spaces, so that the line
     * breaks before it and never between "+7" and the rest: a number split over two lines gets dialled wrongly.
     */
    internal fun numbersKeptWhole(text: String): String =
        PHONE_IN_TEXT.replace(text) { it.value.replace(' ', '\u00A0') }

    private val PHONE_IN_TEXT = Regex("""\+?\d[\d ()\-]{4,}\d""")

    /** Article-style links `[[id]]` mean nothing on paper. */
    private fun plainText(text: String) = ArticleText.withoutLinks(text)
}

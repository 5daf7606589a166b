package tj.migrantsguide.app.handout

import java.io.OutputStream
import java.time.LocalDate
import java.time.ZoneOffset
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.model.groupTitle
import tj.migrantsguide.app.model.loadContactsState
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language

/** Which handout: one checklist (ids are unique in the whole guide) or one country's contacts. */
sealed interface HandoutRequest {
    data class Checklist(val id: String) : HandoutRequest
    data class Contacts(val country: String) : HandoutRequest

    /** A person's deadlines (My dates, issue 16): [personName] null for the device's owner. */
    data class MyDates(val personId: Long, val personName: String?) : HandoutRequest
}

/** A handout could not be made from what the guide holds; [known] lists what exists, to choose from. */
sealed class HandoutNotMade(message: String) : Exception(message) {
    abstract val known: List<String>

    class UnknownChecklist(val id: String, override val known: List<String>) :
        HandoutNotMade("no checklist '$id' in the guide; checklists: ${known.joinToString(", ")}")

    class UnknownCountry(val code: String, override val known: List<String>) :
        HandoutNotMade("no country '$code' in the guide; countries: ${known.joinToString(", ")}")
}

/** The words around a handout's content, from the app's strings in [strings]' language. */
fun handoutLabels(
    strings: Strings,
    language: Language = Language.ENGLISH,
    sourceTable: List<tj.migrantsguide.guide.NamedSource> = emptyList(),
): HandoutLabels = HandoutLabels(
    appName = strings[S.APP_NAME],
    checklistHeading = strings[S.HANDOUT_CHECKLIST],
    contactsHeading = strings[S.HANDOUT_CONTACTS],
    contentOf = { strings[S.STATUS_CONTENT_DATE, "date" to strings.date(it)] },
    lastVerified = { strings[S.VERIFIED_ON, "date" to strings.date(it)] },
    notVerified = strings[S.VERIFIED_UNKNOWN],
    dialAsWritten = strings[S.DIAL_FORM_UNKNOWN_SHORT],
    noVerifiedNumber = strings[S.NO_VERIFIED_NUMBER],
    address = strings[S.ADDRESS],
    hours = strings[S.HOURS],
    sources = strings[S.SOURCES],
    notEmergencyService = strings[S.NOT_A_LAWYER],
    page = { page, pages -> strings[S.HANDOUT_PAGE, "page" to page, "pages" to pages] },
    getTheApp = { url -> strings[S.GET_THE_APP, "url" to url] },
    linkPlaceholder = strings[S.LINK_PLACEHOLDER],
    sourceNames = { sources -> tj.migrantsguide.app.model.sourceTitles(strings, language, sources, sourceTable) },
)

/**
 * Makes handouts from the guide's content as the app shows it (language fallback included), with the installed
 * content's publication date in every footer and, when [downloadUrl] is given, a QR code to get the app.
 */
class HandoutMaker(
    private val content: GuideContent,
    private val downloadUrl: String?,
    /** Today, for My dates' days left. */
    private val clock: java.time.Clock = java.time.Clock.systemUTC(),
) {
    /** Writes the PDF of [request] in [language] to [out]; throws [HandoutNotMade] before writing anything. */
    fun write(request: HandoutRequest, language: Language, out: OutputStream) {
        val labels = handoutLabels(Strings.of(language), language, content.namedSources())
        val contentDate: LocalDate? = content.edition()?.published?.atZone(ZoneOffset.UTC)?.toLocalDate()
        val countries = content.countries()
        when (request) {
            is HandoutRequest.Checklist -> {
                val found = countries.firstNotNullOfOrNull { country ->
                    content.checklists(country.code(), language).firstOrNull { it.id() == request.id }?.let { country to it }
                } ?: throw HandoutNotMade.UnknownChecklist(request.id, checklistIds())
                Handouts.checklist(found.second, found.first, language, labels, contentDate, downloadUrl, out)
            }
            is HandoutRequest.Contacts -> {
                val code = request.country.uppercase()
                val country = countries.firstOrNull { it.code() == code }
                    ?: throw HandoutNotMade.UnknownCountry(request.country, countries.map { it.code() })
                // The same groups, in the same order, as the app's contacts screen: emergency lines and hotlines
                // first, then embassy and consulates, ministry offices, centres, money, other services.
                val strings = Strings.of(language)
                val sections = loadContactsState(content, code, language, emergencyOnly = false, bookmarks = emptySet())
                    .groups.map { ContactSection(groupTitle(strings, it.kind), it.contacts) }
                Handouts.contacts(sections, country, language, labels, contentDate, downloadUrl, out)
            }
            is HandoutRequest.MyDates -> {
                val deadlines = content.deadlines(request.personId, language, clock)
                Handouts.myDates(deadlines, request.personName, Strings.of(language), labels, contentDate, downloadUrl, clock, out)
            }
        }
    }

    /** Every checklist id, country by country, for "choose one of these". */
    fun checklistIds(): List<String> = content.countries().flatMap { country ->
        content.checklists(country.code(), Language.ENGLISH).map { "${it.id()} (${country.code()})" }
    }

    companion object {
        /** A file name that says what the handout is: `checklist-before-you-leave-ru-tg.pdf`, `contacts-RU-ru.pdf`. */
        fun fileName(request: HandoutRequest, language: Language): String = when (request) {
            is HandoutRequest.Checklist -> "checklist-${request.id}-${language.code()}.pdf"
            is HandoutRequest.Contacts -> "contacts-${request.country.uppercase()}-${language.code()}.pdf"
            is HandoutRequest.MyDates -> "my-dates-${language.code()}.pdf"
        }
    }
}

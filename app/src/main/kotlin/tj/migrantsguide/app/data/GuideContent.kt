package tj.migrantsguide.app.data

import java.time.Clock
import java.time.Instant
import kotlinx.coroutines.flow.StateFlow
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Country
import tj.migrantsguide.dates.Deadline
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ContentChanges
import tj.migrantsguide.store.DateNotice
import tj.migrantsguide.store.Provenance

/**
 * The guide's content as the screens need it. Reads are blocking (a local database): call them off the UI thread.
 *
 * Lists come in the requested language; an item that exists only in other languages is included in the first of
 * them that has it ([fallbackOrder]), and keeps its own [Article.language] so that the screen can mark it.
 */
interface GuideContent {
    fun countries(): List<Country>
    fun articles(country: String, language: Language): List<Article>
    fun contacts(country: String, language: Language): List<Contact>
    fun checklists(country: String, language: Language): List<Checklist>

    /** The installed content's version and dates; null before anything is installed. */
    fun edition(): ContentEdition?

    /**
     * A person's deadlines (My dates, docs/dates.md), soonest first, and the notices of rules an update moved or
     * withdrew that the person has not seen. Blocking. None where the content has no rules (and in fakes).
     */
    fun deadlines(personId: Long, language: Language, clock: Clock): List<Deadline> = emptyList()
    fun unseenDateNotices(personId: Long, clock: Clock): List<DateNotice> = emptyList()

    /**
     * What installed updates changed (issue 17), newest first, each with its items in [language]. Blocking. None
     * before the first update (the app's own content records nothing), and in fakes.
     */
    fun changes(language: Language): List<ContentChanges> = emptyList()

    /** The newest update whose "Updated: …" notice the person has not closed yet; null when there is none. */
    fun unseenUpdate(language: Language): ContentChanges? = null

    /** The notice of update [id] (and of every older one) was seen: it is not shown again. */
    fun updateSeen(id: Long) {}

    /** Where the installed content came from, for Settings; null before anything is installed (and in fakes). */
    fun provenance(): Provenance? = null

    /** Whose key signed the installed content ([provenance]'s key); null when it is not known (and in fakes). */
    fun signer(): Signer? = null

    /** The documents and sites the content cites, named; empty before the feed carried the table (and in fakes). */
    fun namedSources(): List<tj.migrantsguide.guide.NamedSource> = emptyList()

    /** Grows whenever the content changes (an update was installed); screens reload when it does. */
    val revision: StateFlow<Long>

    companion object {
        /** Home content (Tajikistan): its emergency lines belong on every country's emergency card. */
        const val HOME_COUNTRY = "TJ"

        /** Where to look when an item is missing in the reader's language: the reader's, then Russian, English, Tajik. */
        fun fallbackOrder(language: Language): List<Language> =
            (listOf(language) + listOf(Language.RUSSIAN, Language.ENGLISH, Language.TAJIK)).distinct()
    }
}

/** The installed content: its version, when it was published, until when it counts as current, when it arrived. */
data class ContentEdition(val version: Long, val published: Instant, val expires: Instant, val installedAt: Instant)

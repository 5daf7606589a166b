package tj.migrantsguide.app.feature.home

import java.time.Clock
import java.time.LocalDate
import tj.migrantsguide.app.data.ContentEdition
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.model.ContactGroupKind
import tj.migrantsguide.app.model.ContentStatus
import tj.migrantsguide.app.model.contentStatus
import tj.migrantsguide.app.model.countryName
import tj.migrantsguide.app.model.sourceLine
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.model.emergencyContacts
import tj.migrantsguide.dates.Destinations
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.DateNotice
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/** Everything the home screen shows; immutable. */
data class HomeState(
    val countryName: String,
    /** The country's emergency lines ([emergencyContacts]); the card shows the first few. */
    val emergency: List<Contact>,
    val stages: List<StageSummary>,
    val status: ContentStatus,
    /** The person's next deadline (My dates), first on the screen; null when they entered no date. */
    val deadline: NextDeadline? = null,
    /** The country has an embassy or consulate in the guide: the emergency card links to them. */
    val missions: Boolean = false,
)

/**
 * The next deadline as the home card says it: "Register your stay: 4 days left (by 12.12.2026)", overdue in the
 * emergency colour with the article to open, and once the news that an update moved it.
 */
data class NextDeadline(
    val title: String,
    val due: LocalDate,
    val daysLeft: Long,
    val earliestPossible: Boolean,
    val article: ItemRef?,
    /** "moved from … to …" when an update changed the rule and the person has not seen it yet. */
    val movedFrom: LocalDate?,
    val movedSource: String?,
    val movedVerified: LocalDate?,
) {
    val overdue: Boolean get() = daysLeft < 0
}

/** The soonest deadline of a rule still in the feed, with its unseen "moved" notice. */
fun nextDeadline(content: GuideContent, personId: Long, language: Language, clock: Clock): NextDeadline? {
    val next = content.deadlines(personId, language, clock).firstOrNull { !it.withdrawn() } ?: return null
    val moved = content.unseenDateNotices(personId, clock)
        .lastOrNull { it.ruleId() == next.ruleId() && it.kind() == DateNotice.Kind.MOVED }
    val rule = next.rule().orElseThrow()
    return NextDeadline(
        title = next.title(),
        due = next.due(),
        daysLeft = next.daysLeft(Destinations.today(next.countryCode(), clock)),
        earliestPossible = next.earliestPossible(),
        article = ItemRef(ItemKind.ARTICLE, next.countryCode(), rule.articleId()),
        movedFrom = moved?.dueBefore(),
        movedSource = moved?.sources()?.firstOrNull()?.let {
            sourceLine(Strings.of(language), language, it, content.namedSources()).title
        },
        movedVerified = moved?.verified()?.orElse(null),
    )
}

data class StageSummary(val stage: Stage, val articles: Int, val checklists: Int)

/**
 * What the home screen reads from the guide. It changes only with the content, the country, the language or the
 * person, so a running sync (a new [ContentStatus] with every downloaded chunk) does not read the database again.
 */
data class HomeReading(
    val countryName: String,
    val emergency: List<Contact>,
    val stages: List<StageSummary>,
    val edition: ContentEdition?,
    val deadline: NextDeadline?,
    val missions: Boolean = false,
) {
    fun withStatus(sync: SyncState, clock: Clock): HomeState =
        HomeState(countryName, emergency, stages, contentStatus(edition, sync, clock), deadline, missions)
}

/** Reads [HomeReading]. Blocking (a local database): call it off the UI thread. */
fun readHome(content: GuideContent, country: String, language: Language, clock: Clock, personId: Long = 1): HomeReading {
    val articles = content.articles(country, language)
    val checklists = content.checklists(country, language)
    val homeArticles = if (country != GuideContent.HOME_COUNTRY) content.articles(GuideContent.HOME_COUNTRY, language) else emptyList()
    val homeChecklists = if (country != GuideContent.HOME_COUNTRY) content.checklists(GuideContent.HOME_COUNTRY, language) else emptyList()
    return HomeReading(
        countryName = countryName(content, country, language),
        emergency = emergencyContacts(content, country, language),
        stages = Stage.entries.map { stage ->
            StageSummary(
                stage,
                articles = (articles + homeArticles).count { it.stage() == stage },
                checklists = (checklists + homeChecklists).count { it.stage() == stage },
            )
        },
        edition = content.edition(),
        deadline = nextDeadline(content, personId, language, clock),
        missions = content.contacts(country, language).any { it.kind() in ContactGroupKind.CONSULAR.kinds },
    )
}

/**
 * The home reading made on the opening thread before the window's first frame, for the keys it was read with: the
 * home screen starts from it when they are still the same, so that the very first frame of the window has content.
 */
data class PreparedHome(val country: String, val language: Language, val personId: Long, val revision: Long, val reading: HomeReading) {
    fun fits(country: String, language: Language, personId: Long, revision: Long): Boolean =
        this.country == country && this.language == language && this.personId == personId && this.revision == revision
}

fun loadHomeState(content: GuideContent, country: String, language: Language, sync: SyncState, clock: Clock, personId: Long = 1): HomeState =
    readHome(content, country, language, clock, personId).withStatus(sync, clock)

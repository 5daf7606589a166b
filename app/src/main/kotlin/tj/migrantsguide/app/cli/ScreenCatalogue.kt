package tj.migrantsguide.app.cli

import androidx.compose.ui.unit.dp
import androidx.compose.runtime.Composable
import java.time.Clock
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.IdleSync
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.data.Search
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.feature.ask.AskContent
import tj.migrantsguide.app.feature.ask.AskState
import tj.migrantsguide.app.data.ShareState
import tj.migrantsguide.app.feature.changes.ChangesContent
import tj.migrantsguide.app.feature.changes.UpdatedNotice
import tj.migrantsguide.app.feature.changes.loadChangesState
import tj.migrantsguide.app.feature.changes.updatedNoticeText
import tj.migrantsguide.app.feature.checklists.ChecklistContent
import tj.migrantsguide.app.feature.share.ShareContent
import tj.migrantsguide.app.feature.checklists.ChecklistsContent
import tj.migrantsguide.app.feature.checklists.checklistState
import tj.migrantsguide.app.feature.checklists.checklistsState
import tj.migrantsguide.app.feature.checklists.loadChecklists
import tj.migrantsguide.app.feature.contacts.ContactsContent
import tj.migrantsguide.app.feature.guide.ArticleContent
import tj.migrantsguide.app.feature.guide.StageGuideContent
import tj.migrantsguide.app.feature.home.HomeContent
import tj.migrantsguide.app.feature.home.loadHomeState
import tj.migrantsguide.app.feature.saved.SavedContent
import tj.migrantsguide.app.feature.saved.loadSavedState
import tj.migrantsguide.app.feature.search.SearchContent
import tj.migrantsguide.app.feature.search.SearchState
import tj.migrantsguide.app.feature.search.groupHits
import tj.migrantsguide.app.feature.settings.AboutContent
import tj.migrantsguide.app.feature.settings.SettingsContent
import tj.migrantsguide.app.feature.settings.SettingsState
import tj.migrantsguide.app.feature.settings.loadAboutState
import tj.migrantsguide.app.feature.start.CountryPickerContent
import tj.migrantsguide.app.feature.start.LanguagePickerContent
import tj.migrantsguide.app.model.contentStatus
import tj.migrantsguide.app.model.countryChoices
import tj.migrantsguide.app.designsystem.reportNumberForm
import tj.migrantsguide.app.model.emergencyContacts
import tj.migrantsguide.app.model.lastSyncText
import tj.migrantsguide.app.model.loadArticleState
import tj.migrantsguide.app.model.loadContactsState
import tj.migrantsguide.app.model.loadGuideState
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme

/**
 * Every screen's stateless content with the state its stateful screen would load, read now from real data: for the
 * screenshot command and for the test that checks every screen at 200% text. Actions go nowhere.
 */
class ScreenCatalogue(
    private val content: GuideContent,
    private val userData: UserData,
    private val search: Search,
    private val language: Language,
    private val country: String,
    private val clock: Clock,
    /** What the search screen shows results for. */
    private val query: String = "",
    /** The stage of the guide and article screens; by default the first one with something to read. */
    private val stage: Stage? = null,
    /** What the settings screen shows as chosen. */
    private val theme: Theme = Theme.LIGHT,
    private val textSize: TextSize = TextSize.NORMAL,
    /** My dates of the current person (the timeline and date entry screens). */
    private val dates: tj.migrantsguide.app.data.DateBook = tj.migrantsguide.app.data.DateBook.None,
) {
    private val ignore: (UiAction) -> Unit = {}

    fun all(): List<Pair<String, @Composable () -> Unit>> = Screenshot.SCREENS.map { it to screen(it)!! }

    /** The screen's content with its state loaded now (blocking: there is no UI thread to protect here). */
    fun screen(name: String): (@Composable () -> Unit)? {
        val strings = Strings.of(language)
        val bookmarks = userData.bookmarks.value.toSet()
        fun firstOf(kind: ItemKind): ItemRef? = when (kind) {
            ItemKind.ARTICLE -> (stage?.let { s -> content.articles(country, language).filter { it.stage() == s } }
                ?: content.articles(country, language)).firstOrNull()?.let { ItemRef(kind, country, it.id()) }
            ItemKind.CHECKLIST, ItemKind.CHECKLIST_ITEM ->
                content.checklists(country, language).firstOrNull()?.let { ItemRef(ItemKind.CHECKLIST, country, it.id()) }
            ItemKind.CONTACT -> content.contacts(country, language).firstOrNull()?.let { ItemRef(kind, country, it.id()) }
            ItemKind.RULE -> null
        }
        return when (name) {
            "home" -> {
                val state = loadHomeState(content, country, language, SyncState(), clock)
                ({ HomeContent(state, ignore) })
            }
            "guide" -> {
                // The stage asked for, else the first one that has something to read.
                val stage = stage ?: Stage.entries.firstOrNull { s -> loadGuideState(content, country, language, s).sections.isNotEmpty() }
                    ?: Stage.BEFORE_DEPARTURE
                val state = loadGuideState(content, country, language, stage)
                ({ StageGuideContent(state, stage, ignore) })
            }
            "article" -> {
                val item = firstOf(ItemKind.ARTICLE) ?: ItemRef(ItemKind.ARTICLE, country, "none")
                val state = loadArticleState(content, item, language, bookmarks)
                ({ ArticleContent(state, ignore) })
            }
            "article-unconfirmed" -> {
                // An article whose main fact is not confirmed (verified: unknown): the marker at the top (issue 21).
                val article = content.articles(country, language).firstOrNull { it.verified().isEmpty }
                val item = ItemRef(ItemKind.ARTICLE, country, article?.id() ?: "none")
                val state = loadArticleState(content, item, language, bookmarks)
                ({ ArticleContent(state, ignore) })
            }
            "article-sources" -> {
                // An article's sources by name, with their quoted words shown (issue 21): the end of the article.
                val article = content.articles(country, language).maxByOrNull { it.sources().size }
                val sources = article?.sources().orEmpty()
                ({
                    tj.migrantsguide.app.designsystem.GuideScreenFrame(article?.title() ?: "", onBack = {}, onEmergency = {}) {
                        androidx.compose.foundation.lazy.LazyColumn(contentPadding = androidx.compose.foundation.layout.PaddingValues(16.dp)) {
                            item { tj.migrantsguide.app.designsystem.SourcesBlock(sources, initiallyShown = true) }
                        }
                    }
                })
            }
            "contacts", "emergency" -> {
                val state = loadContactsState(content, country, language, name == "emergency", bookmarks)
                ({ ContactsContent(state, onAction = ignore) })
            }
            "checklists" -> {
                val state = checklistsState(content, country, language, loadChecklists(content, country, language), userData)
                ({ ChecklistsContent(state, ignore) })
            }
            "checklist" -> {
                val item = firstOf(ItemKind.CHECKLIST) ?: ItemRef(ItemKind.CHECKLIST, country, "none")
                val list = content.checklists(country, language).firstOrNull { it.id() == item.id() }
                val state = checklistState(
                    userData, item, list, content.countries().first { it.code() == country }.name(language), language,
                    userData.people.value, userData.currentPerson.value, item in bookmarks,
                )
                ({ ChecklistContent(state, ignore) })
            }
            "search" -> {
                val groups = if (query.isBlank()) emptyList() else groupHits(search.search(query, country, language))
                val state = SearchState(language, query, groups)
                ({ SearchContent(state, autoFocus = false, onAction = ignore) })
            }
            "saved" -> {
                val state = loadSavedState(content, userData.bookmarks.value, userData.recent.value, language)
                ({ SavedContent(state, ignore) })
            }
            "ask" -> {
                val state = AskState(
                    language = language,
                    countryName = content.countries().first { it.code() == country }.name(language),
                    draft = QuestionForm(country = country),
                    problems = emptyMap(),
                    emergency = emergencyContacts(content, country, language),
                    questionCount = 0,
                    newAnswers = 0,
                )
                ({ AskContent(state, ignore) })
            }
            "ask-report" -> {
                // As a contact card's "This number does not work" opens the form: the first contact with a number.
                val contact = content.contacts(country, language).first { it.phones().isNotEmpty() }
                val state = AskState(
                    language = language,
                    countryName = content.countries().first { it.code() == country }.name(language),
                    draft = reportNumberForm(contact, contact.phones().first().display(), Strings.of(language)),
                    problems = emptyMap(),
                    emergency = emergencyContacts(content, country, language),
                    questionCount = 0,
                    newAnswers = 0,
                )
                ({ AskContent(state, ignore) })
            }
            "settings" -> {
                val sync = IdleSync(available = true)
                val edition = content.edition()
                val state = SettingsState(
                    language = language,
                    countryName = content.countries().first { it.code() == country }.name(language),
                    textSize = textSize,
                    theme = theme,
                    syncAvailable = sync.available,
                    sync = sync.state.value,
                    lastSync = lastSyncText(strings, contentStatus(edition, sync.state.value, clock)),
                    edition = edition,
                    zone = clock.zone,
                    provenance = content.provenance(),
                    signer = content.signer(),
                )
                ({ SettingsContent(state, ignore) })
            }
            "about" -> {
                val state = loadAboutState(content, language, clock.zone, null)
                ({ AboutContent(state, ignore) })
            }
            "dates" -> {
                val person = userData.currentPerson.value
                val state = tj.migrantsguide.app.feature.dates.loadDatesState(
                    content, dates, person.id(), person.name().takeIf { person.hasName() }, country, language,
                )
                ({ tj.migrantsguide.app.feature.dates.MyDatesContent(state, ignore) })
            }
            "date-entry", "date-entry-error" -> {
                val today = dates.today(country)
                val countryName = content.countries().first { it.code() == country }.name(language)
                // The error screen shows what a day after today gets: the same reason `dates set` gives.
                val typed = if (name == "date-entry") "" else tj.migrantsguide.app.feature.dates.TYPED_DAY.format(today.plusDays(2))
                val problem = if (name == "date-entry") null else tj.migrantsguide.app.feature.dates.problemText(
                    strings, tj.migrantsguide.dates.DateProblem.InTheFuture(today.plusDays(2), today, country), countryName,
                )
                val state = tj.migrantsguide.app.feature.dates.DateEntryState(
                    tj.migrantsguide.guide.DateEvent.ENTRY, countryName, today, typed, problem,
                )
                ({ tj.migrantsguide.app.feature.dates.DateEntryContent(state, autoFocus = false, onAction = ignore) })
            }
            "updated" -> {
                // The newest update's notice over the home screen, as the window shows it once (issue 17).
                val state = loadHomeState(content, country, language, SyncState(), clock)
                val notice = content.changes(language).firstOrNull()?.let { updatedNoticeText(strings, it, language) }
                ({
                    androidx.compose.foundation.layout.Column {
                        if (notice != null) UpdatedNotice(notice, onOpen = {}, onClose = {})
                        androidx.compose.foundation.layout.Box(androidx.compose.ui.Modifier.weight(1f)) { HomeContent(state, ignore) }
                    }
                })
            }
            "changes" -> {
                val state = loadChangesState(content, userData, language, clock.zone)
                ({ ChangesContent(state, ignore) })
            }
            "share" -> {
                // Sharing, as on a trainer's laptop: the installed version, its key, an example LAN address.
                val provenance = content.provenance()
                val state = ShareState.On(
                    url = "http://$SHARE_EXAMPLE_ADDRESS:$SHARE_PORT/",
                    version = provenance?.version() ?: 0,
                    key = provenance?.shortKeyId()?.orElse("?") ?: "?",
                    signer = content.signer(),
                    files = 0,
                    bytes = 0,
                )
                ({ ShareContent(state, ignore) })
            }
            "welcome" -> ({ LanguagePickerContent(null, ignore) })
            "country" -> {
                val choices = countryChoices(content.countries(), language)
                ({ CountryPickerContent(choices, null, ignore, onBack = {}) })
            }
            else -> null
        }
    }

}

/** The address the share screen's screenshot shows: an example of a classroom Wi-Fi's (docs only). */
private const val SHARE_EXAMPLE_ADDRESS = "192.168.1.20"

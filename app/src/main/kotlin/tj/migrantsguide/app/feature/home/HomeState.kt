package tj.migrantsguide.app.feature.home

import java.time.Clock
import java.time.Duration
import java.time.LocalDate
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.model.ContentStatus
import tj.migrantsguide.app.model.contentStatus
import tj.migrantsguide.app.model.countryName
import tj.migrantsguide.app.model.emergencyContacts
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage

/** Everything the home screen shows; immutable. */
data class HomeState(
    val countryName: String,
    /** The country's emergency lines ([emergencyContacts]); the card shows the first few. */
    val emergency: List<Contact>,
    val stages: List<StageSummary>,
    val status: ContentStatus,
)

data class StageSummary(val stage: Stage, val articles: Int, val checklists: Int)

fun loadHomeState(content: GuideContent, country: String, language: Language, sync: SyncState, clock: Clock): HomeState {
    val articles = content.articles(country, language)
    val checklists = content.checklists(country, language)
    val homeArticles = if (country != GuideContent.HOME_COUNTRY) content.articles(GuideContent.HOME_COUNTRY, language) else emptyList()
    val homeChecklists = if (country != GuideContent.HOME_COUNTRY) content.checklists(GuideContent.HOME_COUNTRY, language) else emptyList()
    return HomeState(
        countryName = countryName(content, country, language),
        emergency = emergencyContacts(content, country, language),
        stages = Stage.entries.map { stage ->
            StageSummary(
                stage,
                articles = (articles + homeArticles).count { it.stage() == stage },
                checklists = (checklists + homeChecklists).count { it.stage() == stage },
            )
        },
        status = contentStatus(content.edition(), sync, clock),
    )
}

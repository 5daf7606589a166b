package tj.migrantsguide.app.feature.settings

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import java.time.ZoneId
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.ContentEdition
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.app.model.sourceName
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language

/** A document or page the guide cites, and for how many of its items. */
data class SourceUse(val source: String, val items: Int)

data class AboutState(
    val edition: ContentEdition?,
    val zone: ZoneId,
    val sources: List<SourceUse>,
    val dataDirectory: String?,
    /** This build trusts the development key (issue 18): said first, in the emergency colour. */
    val developmentBuild: Boolean = false,
)

/**
 * Every source cited anywhere in the guide (all countries), as documents: `004_….txt:31` and `004_….txt:40`
 * count once, as `004_….txt`; pages and laws are listed as written.
 */
fun loadAboutState(
    content: GuideContent,
    language: Language,
    zone: ZoneId,
    dataDirectory: String?,
    developmentBuild: Boolean = AppFeed.developmentBuild,
): AboutState {
    val uses = HashMap<String, Int>()
    val table = content.namedSources()
    for (country in content.countries()) {
        val code = country.code()
        val cited = content.articles(code, language).map { it.sources() } +
            content.contacts(code, language).map { it.sources() } +
            content.checklists(code, language).map { it.sources() }
        for (sources in cited) {
            // Counted per named document or site (issue 21); without the table, per document file as before.
            val named = sources.map { if (table.isEmpty()) document(it) else sourceName(language, it, table) }
            for (name in named.toSet()) uses.merge(name, 1, Int::plus)
        }
    }
    return AboutState(
        edition = content.edition(),
        zone = zone,
        sources = uses.map { SourceUse(it.key, it.value) }.sortedWith(compareByDescending<SourceUse> { it.items }.thenBy { it.source }),
        dataDirectory = dataDirectory,
        developmentBuild = developmentBuild,
    )
}

private val LINE_SUFFIX = Regex("""^(.+\.txt):\d+$""")

internal fun document(source: String): String = LINE_SUFFIX.matchEntire(source)?.groupValues?.get(1) ?: source

@Composable
fun AboutScreen(controller: AppController, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val state by produceState<AboutState?>(null, language, revision) {
        value = withContext(services.background) {
            loadAboutState(services.content, language, services.clock.zone, services.dataDirectory?.toString())
        }
    }
    AboutContent(state, controller::handle)
}

@Composable
fun AboutContent(state: AboutState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.ABOUT], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "about", 8.dp) { state ->
            item { Text(strings[S.APP_NAME], style = MaterialTheme.typography.headlineSmall) }
            if (state.developmentBuild) {
                item {
                    androidx.compose.foundation.layout.Column(Modifier.testTag("development-build").semantics(mergeDescendants = true) {}) {
                        Text(
                            strings[S.DEVELOPMENT_BUILD],
                            style = MaterialTheme.typography.titleMedium,
                            fontWeight = FontWeight.Bold,
                            color = MaterialTheme.colorScheme.error,
                        )
                        Text(strings[S.DEVELOPMENT_BUILD_EXPLAINED], style = MaterialTheme.typography.bodyLarge)
                    }
                }
            }
            item { Text(strings[S.ABOUT_PURPOSE], style = MaterialTheme.typography.bodyLarge) }
            item { Text(strings[S.NOT_A_LAWYER], style = MaterialTheme.typography.bodyLarge) }
            item { SectionTitle(strings[S.CONTENT]) }
            val edition = state.edition
            if (edition == null) {
                item { Text(strings[S.STATUS_NO_CONTENT], style = MaterialTheme.typography.bodyLarge) }
            } else {
                fun day(instant: java.time.Instant) = strings.date(instant.atZone(state.zone).toLocalDate())
                item { Text(strings[S.CONTENT_VERSION, "version" to edition.version], style = MaterialTheme.typography.bodyLarge) }
                item { Text(strings[S.CONTENT_PUBLISHED, "date" to day(edition.published)], style = MaterialTheme.typography.bodyLarge) }
                item { Text(strings[S.CONTENT_VALID_UNTIL, "date" to day(edition.expires)], style = MaterialTheme.typography.bodyLarge) }
                item { Text(strings[S.CONTENT_INSTALLED, "date" to day(edition.installedAt)], style = MaterialTheme.typography.bodyLarge) }
            }
            item { SectionTitle(strings[S.SOURCES_CITED]) }
            items(state.sources, key = { "source:${it.source}" }) { use ->
                androidx.compose.foundation.layout.Column {
                    Text(use.source, style = MaterialTheme.typography.bodyMedium)
                    Text(
                        strings.plural(P.ITEMS_CITING, use.items),
                        style = MaterialTheme.typography.bodyMedium,
                        color = MaterialTheme.colorScheme.onSurfaceVariant,
                    )
                }
            }
            item { SectionTitle(strings[S.LICENCES]) }
            item { Text(strings[S.FONT_LICENCE], style = MaterialTheme.typography.bodyMedium) }
            state.dataDirectory?.let { folder ->
                item { SectionTitle(strings[S.DATA_FOLDER]) }
                item { Text(folder, style = MaterialTheme.typography.bodyMedium) }
            }
        }
    }
}

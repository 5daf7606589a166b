package tj.migrantsguide.app.feature.guide

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.FallbackNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.model.ArticleText
import tj.migrantsguide.app.model.GuideState
import tj.migrantsguide.app.model.Piece
import tj.migrantsguide.app.model.loadGuideState
import tj.migrantsguide.app.model.stageHint
import tj.migrantsguide.app.model.stageTitle
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

@Composable
fun GuideScreen(controller: AppController, country: String, language: Language, stage: Stage) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val state by produceState<GuideState?>(null, country, language, stage, revision) {
        value = withContext(services.background) { loadGuideState(services.content, country, language, stage) }
    }
    StageGuideContent(state, stage, controller::handle)
}

/** A stage's articles and checklists; the other two stages one tap away at the end. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun StageGuideContent(state: GuideState?, stage: Stage, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(stageTitle(strings, stage), onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "guide", 12.dp) { state ->
            item {
                Text(stageHint(strings, stage), style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onSurfaceVariant)
            }
            if (state.sections.isEmpty()) item { EmptyNote(strings[S.STAGE_EMPTY]) }
            for (section in state.sections) {
                item(key = "section:${section.countryCode}") {
                    SectionTitle(if (section.isHome) strings[S.IN_HOME_COUNTRY, "country" to section.countryName] else section.countryName)
                }
                items(section.articles, key = { "article:${section.countryCode}/${it.id()}" }) { article ->
                    val ref = ItemRef(ItemKind.ARTICLE, section.countryCode, article.id())
                    GuideCard(onClick = { onAction(Open(Destination.Article(ref))) }, modifier = Modifier.testTag("open:${ref.code()}")) {
                        Text(article.title(), style = MaterialTheme.typography.titleMedium)
                        FallbackNote(article.language(), state.language)
                        Text(
                            firstSentence(article.body()),
                            style = MaterialTheme.typography.bodyMedium,
                            color = MaterialTheme.colorScheme.onSurfaceVariant,
                        )
                    }
                }
                items(section.checklists, key = { "checklist:${section.countryCode}/${it.id()}" }) { checklist ->
                    val ref = ItemRef(ItemKind.CHECKLIST, section.countryCode, checklist.id())
                    GuideCard(onClick = { onAction(Open(Destination.Checklist(ref))) }, modifier = Modifier.testTag("open:${ref.code()}")) {
                        Row(verticalAlignment = Alignment.CenterVertically) {
                            Icon(Icons.AutoMirrored.Filled.List, contentDescription = null, tint = MaterialTheme.colorScheme.primary)
                            Spacer(Modifier.width(8.dp))
                            Text(checklist.title(), style = MaterialTheme.typography.titleMedium)
                        }
                        FallbackNote(checklist.language(), state.language)
                        Text(strings.plural(P.ITEMS, checklist.items().size), style = MaterialTheme.typography.bodyMedium)
                    }
                }
            }
            item { SectionTitle(strings[S.OTHER_STAGES]) }
            item {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    for (other in Stage.entries.filter { it != stage }) {
                        SecondaryAction(stageTitle(strings, other), onClick = { onAction(Open(Destination.Guide(other))) })
                    }
                }
            }
        }
    }
}

/** The opening of an article for its card: the first sentence, links shown by their id's words. */
internal fun firstSentence(body: String): String {
    val plain = ArticleText.parse(body).firstOrNull()?.pieces?.joinToString("") {
        when (it) {
            is Piece.Words -> it.text
            is Piece.Link -> "…"
        }
    }.orEmpty()
    val end = Regex("""[.!?](\s|$)""").find(plain)?.range?.first
    return if (end != null) plain.substring(0, end + 1) else plain
}

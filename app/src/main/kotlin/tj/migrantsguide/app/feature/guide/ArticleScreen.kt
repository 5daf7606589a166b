package tj.migrantsguide.app.feature.guide

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.LinkAnnotation
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.TextLinkStyles
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.text.withLink
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.NotConfirmedNote
import tj.migrantsguide.app.designsystem.BookmarkButton
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.FallbackNote
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.SourcesBlock
import tj.migrantsguide.app.designsystem.VerifiedLine
import tj.migrantsguide.app.designsystem.WarningNote
import tj.migrantsguide.app.model.ArticleState
import tj.migrantsguide.app.model.Block
import tj.migrantsguide.app.model.LinkTarget
import tj.migrantsguide.app.model.Piece
import tj.migrantsguide.app.model.loadArticleState
import tj.migrantsguide.app.model.stageTitle
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.SetBookmark
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef

@Composable
fun ArticleScreen(controller: AppController, item: ItemRef, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    val state by produceState<ArticleState?>(null, item, language, revision, bookmarks) {
        value = withContext(services.background) { loadArticleState(services.content, item, language, bookmarks.toSet()) }
    }
    LaunchedEffect(item) { controller.save { services.userData.markViewed(item) } }
    ArticleContent(state, controller::handle)
}

/**
 * The reader: title, the body with comfortable line height and paragraph spacing, links inline (pointer) and
 * again as buttons under the text (keyboard and first-time users), then when it was checked and where it is from.
 */
@Composable
fun ArticleContent(state: ArticleState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val article = state?.article
    GuideScreenFrame(
        article?.let { stageTitle(strings, it.stage()) } ?: strings[S.GUIDE],
        onBack = { onAction(Back) },
        onEmergency = { onAction(Emergency) },
    ) {
        LoadedList(state, "article", 14.dp) { state ->
            if (article == null) {
                item { EmptyNote(strings[S.ITEM_GONE]) }
                return@LoadedList
            }
            item {
                val title: @Composable (Modifier) -> Unit = { modifier ->
                    Text(article.title(), style = MaterialTheme.typography.titleLarge, modifier = modifier.semantics { heading() })
                }
                val bookmark: @Composable () -> Unit = {
                    BookmarkButton(state.bookmarked) { onAction(SetBookmark(state.item, !state.bookmarked)) }
                }
                // Beside a long title the bookmark would squeeze its words at large text sizes: then it goes below.
                if (LocalDensity.current.fontScale >= 1.5f) {
                    Column { title(Modifier); bookmark() }
                } else {
                    Row(verticalAlignment = Alignment.Top) { title(Modifier.weight(1f)); bookmark() }
                }
            }
            item { Text(state.countryName, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant) }
            if (article.verified().isEmpty) item { NotConfirmedNote(onAction) }
            item { FallbackNote(article.language(), state.language) }
            state.blocks.forEachIndexed { index, block ->
                item(key = "block:$index") { BlockText(block, state.links, onAction) }
            }
            val targets = state.links.values.distinct()
            if (targets.isNotEmpty()) {
                item { SectionTitle(strings[S.LINKED_HERE]) }
                for (target in targets) {
                    item {
                        if (target.item != null) {
                            SecondaryAction(
                                target.title,
                                onClick = { onAction(Open(Destination.of(target.item))) },
                                modifier = Modifier.testTag("mentioned:${target.item.code()}"),
                            )
                        } else {
                            WarningNote(strings[S.LINK_GONE, "id" to target.title])
                        }
                    }
                }
            }
            item { HorizontalDivider(Modifier.padding(vertical = 4.dp)) }
            item { VerifiedLine(article.verified()) }
            item { SourcesBlock(article.sources()) }
        }
    }
}

@Composable
private fun BlockText(block: Block, links: Map<Piece.Link, LinkTarget>, onAction: (UiAction) -> Unit) {
    val text = annotated(block.pieces, links, LocalGuideColors.current, onAction)
    val style = MaterialTheme.typography.bodyLarge
    when (block) {
        is Block.Paragraph -> Text(text, style = style)
        is Block.Bullet -> Row {
            Text("•", style = style, fontWeight = FontWeight.Bold, modifier = Modifier.width(20.dp))
            Column(Modifier.weight(1f)) { Text(text, style = style) }
        }
    }
}

private fun annotated(
    pieces: List<Piece>,
    links: Map<Piece.Link, LinkTarget>,
    colors: tj.migrantsguide.app.designsystem.GuideColors,
    onAction: (UiAction) -> Unit,
): AnnotatedString = buildAnnotatedString {
    val linkColor = colors.link
    for (piece in pieces) {
        when (piece) {
            is Piece.Words -> append(piece.text)
            is Piece.Link -> {
                val target = links[piece]
                val item = target?.item
                if (item == null) {
                    append(target?.title ?: piece.id)
                } else {
                    val link = LinkAnnotation.Clickable(
                        tag = item.code(),
                        styles = TextLinkStyles(
                            SpanStyle(color = linkColor, textDecoration = TextDecoration.Underline, fontWeight = FontWeight.Bold),
                            // Focused by Tab: the link's words on the focus colour, as visible as the ring around
                            // buttons (a span cannot draw a ring of its own).
                            focusedStyle = SpanStyle(
                                color = colors.focusHalo,
                                background = colors.focus,
                                textDecoration = TextDecoration.Underline,
                                fontWeight = FontWeight.Bold,
                            ),
                        ),
                    ) { onAction(Open(Destination.of(item))) }
                    withLink(link) { append(target.title) }
                }
            }
        }
    }
}

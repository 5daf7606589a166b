package tj.migrantsguide.app.feature.search

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.text.KeyboardActions
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Clear
import androidx.compose.material.icons.filled.Search
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.SearchHit
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.focusRing
import tj.migrantsguide.app.designsystem.languageName
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.model.kindTitle
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
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.text.Highlighted

/** How long typing must pause before the search runs. */
const val SEARCH_PAUSE_MS = 150L

data class SearchGroup(val kind: ItemKind, val hits: List<SearchHit>)

data class SearchState(
    val language: Language,
    val query: String,
    /** Null before the first search of this query has finished. */
    val groups: List<SearchGroup>?,
) {
    val count: Int get() = groups?.sumOf { it.hits.size } ?: 0
}

sealed interface SearchAction : UiAction {
    data class Type(val query: String) : SearchAction
}

/** Hits grouped by kind (guide, contacts, checklists), each group keeping the search's order. */
fun groupHits(hits: List<SearchHit>): List<SearchGroup> =
    listOf(ItemKind.CONTACT, ItemKind.ARTICLE, ItemKind.CHECKLIST)
        .map { kind -> SearchGroup(kind, hits.filter { it.item.kind() == kind }) }
        .filter { it.hits.isNotEmpty() }

@Composable
fun SearchScreen(controller: AppController, country: String, language: Language, initialQuery: String) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    var query by remember { mutableStateOf(initialQuery) }
    var groups by remember { mutableStateOf<List<SearchGroup>?>(null) }
    // Results as you type: a new keystroke cancels the wait (and the search still running) for the previous one, so
    // a fast typist does not queue a search per letter.
    LaunchedEffect(query, country, language, revision) {
        if (query.isBlank()) {
            groups = emptyList()
            return@LaunchedEffect
        }
        delay(SEARCH_PAUSE_MS)
        groups = withContext(services.background) { groupHits(services.search.search(query, country, language)) }
    }
    SearchContent(SearchState(language, query, groups)) { action ->
        when (action) {
            is SearchAction.Type -> query = action.query
            is Open -> {
                // Keep the query in the back stack, so that back returns to these results.
                controller.navigator.replaceTop(Destination.Search(query))
                controller.handle(action)
            }
            else -> controller.handle(action)
        }
    }
}

@Composable
fun SearchContent(state: SearchState, autoFocus: Boolean = true, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val focus = remember { FocusRequester() }
    GuideScreenFrame(strings[S.SEARCH], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LazyColumn(
            Modifier.fillMaxSize().testTag("search"),
            contentPadding = screenPadding(),
            verticalArrangement = Arrangement.spacedBy(10.dp),
        ) {
            item {
                OutlinedTextField(
                    value = state.query,
                    onValueChange = { onAction(SearchAction.Type(it)) },
                    label = { Text(strings[S.SEARCH_PLACEHOLDER]) },
                    leadingIcon = { Icon(Icons.Filled.Search, contentDescription = null) },
                    trailingIcon = if (state.query.isNotEmpty()) {
                        {
                            IconButton(onClick = { onAction(SearchAction.Type("")) }, modifier = Modifier.focusRing()) {
                                Icon(Icons.Filled.Clear, contentDescription = strings[S.CLEAR])
                            }
                        }
                    } else {
                        null
                    },
                    keyboardOptions = KeyboardOptions(imeAction = ImeAction.Search),
                    keyboardActions = KeyboardActions(onSearch = {
                        state.groups?.firstOrNull()?.hits?.firstOrNull()?.let { onAction(Open(Destination.of(it.item))) }
                    }),
                    textStyle = MaterialTheme.typography.bodyLarge,
                    modifier = Modifier.fillMaxWidth().focusRequester(focus).testTag("search-field"),
                )
                if (autoFocus) LaunchedEffect(Unit) { focus.requestFocus() }
            }
            item {
                Text(
                    strings[S.SEARCH_SCOPE_FULL],
                    style = MaterialTheme.typography.bodyMedium,
                    color = MaterialTheme.colorScheme.onSurfaceVariant,
                )
            }
            val groups = state.groups
            when {
                state.query.isBlank() -> Unit
                groups == null -> Unit
                groups.isEmpty() -> item {
                    EmptyNote(strings[S.SEARCH_NOTHING, "query" to state.query.trim()], Modifier.testTag("no-results"))
                }
                else -> {
                    item { Text(strings.plural(P.RESULTS, state.count), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("result-count")) }
                    for (group in groups) {
                        item(key = "group:${group.kind}") { SectionTitle(kindTitle(strings, group.kind)) }
                        items(group.hits, key = { "hit:${it.key}" }) { hit -> HitCard(hit, state.language, onAction) }
                    }
                }
            }
        }
    }
}

@Composable
private fun HitCard(hit: SearchHit, readerLanguage: Language, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideCard(onClick = { onAction(Open(Destination.of(hit.item))) }, modifier = Modifier.testTag("hit:${hit.item.code()}")) {
        HighlightedText(hit.title, MaterialTheme.typography.titleMedium)
        if (!hit.excerpt.isEmpty) {
            // A contact found by its number shows the number: large, as on the contact card.
            val isNumber = hit.item.kind() == ItemKind.CONTACT && hit.excerpt.text().none { it.isLetter() }
            HighlightedText(hit.excerpt, if (isNumber) MaterialTheme.typography.headlineSmall else MaterialTheme.typography.bodyLarge)
        }
        if (hit.language != readerLanguage) {
            Text(
                strings[S.IN_LANGUAGE, "language" to strings.languageName(hit.language)],
                style = MaterialTheme.typography.bodyMedium,
                color = MaterialTheme.colorScheme.onSurfaceVariant,
            )
        }
    }
}

/** The matched parts bold and underlined in the link colour: visible without colour, too. */
@Composable
private fun HighlightedText(text: Highlighted, style: androidx.compose.ui.text.TextStyle) {
    val color = LocalGuideColors.current.link
    Text(
        buildAnnotatedString {
            for (part in text.segments()) {
                if (part.highlighted()) {
                    withStyle(SpanStyle(fontWeight = FontWeight.Bold, color = color, textDecoration = androidx.compose.ui.text.style.TextDecoration.Underline)) {
                        append(part.text())
                    }
                } else {
                    append(part.text())
                }
            }
        },
        style = style,
    )
}

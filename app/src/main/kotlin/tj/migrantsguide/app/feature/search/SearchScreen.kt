package tj.migrantsguide.app.feature.search

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
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
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusDirection
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.isShiftPressed
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.input.key.type
import androidx.compose.ui.platform.LocalFocusManager
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.ImeAction
import androidx.compose.ui.text.withStyle
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.SearchHit
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.ScrollsWithKeys
import tj.migrantsguide.app.designsystem.LocalCutTitle
import tj.migrantsguide.app.designsystem.NumberText
import tj.migrantsguide.app.designsystem.WholeWordsText
import tj.migrantsguide.app.designsystem.fullTitleItem
import tj.migrantsguide.app.designsystem.fullTitlePadding
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
import tj.migrantsguide.app.system.Shown
import tj.migrantsguide.app.system.markShown
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.text.Highlighted

/**
 * How long typing must pause before the search runs: none. A search takes 3–8 ms on the built-in content (p95 under
 * 30 ms for two letters over 100k items, docs/performance.md), and each keystroke cancels the previous query's
 * wait for its result, so searching on every key costs one short search at most, while 150 ms (the old pause) was
 * three times the keystroke target by itself (issue 19: keystroke_p95_ms 187 ms with it, 71 ms without).
 */
const val SEARCH_PAUSE_MS = 0L

data class SearchGroup(val kind: ItemKind, val hits: List<SearchHit>)

data class SearchState(
    val language: Language,
    val query: String,
    /** Null before the first search has finished; while a new query runs, the previous query's hits. */
    val groups: List<SearchGroup>?,
    /** The query [groups] answer: "nothing found" is said only once the search for [query] itself has answered. */
    val answered: String? = query,
) {
    val count: Int get() = groups?.sumOf { it.hits.size } ?: 0

    /** The search for [query] has answered and found nothing. */
    val nothingFound: Boolean get() = groups != null && groups.isEmpty() && answered == query && query.isNotBlank()
}

sealed interface SearchAction : UiAction {
    data class Type(val query: String) : SearchAction

    /** Enter in the field: open the first hit of this query (once its search has answered). */
    data object OpenFirst : SearchAction
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
    var answered by remember { mutableStateOf<String?>(null) }
    // Enter pressed before the search for the query answered: open its first hit when it does.
    var openWhenAnswered by remember { mutableStateOf(false) }
    fun open(action: Open) {
        // Keep the query in the back stack, so that back returns to these results.
        controller.navigator.replaceTop(Destination.Search(query))
        controller.handle(action)
    }
    fun firstHit(): Open? = groups?.firstOrNull()?.hits?.firstOrNull()?.let { Open(Destination.of(it.item)) }
    // Results as you type: a key starts its search from its own event, not after the frame that shows the letter
    // (which the search then overlaps), and cancels the wait (and the search still running) for the previous key,
    // so a fast typist does not queue a search per letter.
    val scope = rememberCoroutineScope()
    val running = remember { arrayOfNulls<Job>(1) }
    fun searchFor(text: String) {
        running[0]?.cancel()
        if (text.isBlank()) {
            groups = null
            answered = null
            return
        }
        running[0] = scope.launch(start = CoroutineStart.UNDISPATCHED) {
            delay(SEARCH_PAUSE_MS) // returns at once while the pause is 0
            groups = withContext(services.background) { groupHits(services.search.search(text, country, language)) }
            answered = text
            if (openWhenAnswered) {
                openWhenAnswered = false
                firstHit()?.let(::open)
            }
        }
    }
    LaunchedEffect(country, language, revision) { searchFor(query) }
    SearchContent(SearchState(language, query, groups, answered)) { action ->
        when (action) {
            is SearchAction.Type -> {
                val changed = action.query != query
                query = action.query
                openWhenAnswered = false
                if (changed) searchFor(action.query)
            }
            SearchAction.OpenFirst -> {
                if (answered == query) firstHit()?.let(::open) else openWhenAnswered = query.isNotBlank()
            }
            is Open -> open(action)
            else -> controller.handle(action)
        }
    }
}

@Composable
fun SearchContent(state: SearchState, autoFocus: Boolean = true, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val focus = remember { FocusRequester() }
    val firstHit = remember { FocusRequester() }
    val focusManager = LocalFocusManager.current
    val list = rememberLazyListState()
    ScrollsWithKeys(list)
    // One handler for the life of the screen, so that a keystroke (a new state, a new [onAction]) leaves the hit
    // cards whose hits did not change free to be skipped instead of composed again.
    val currentAction by rememberUpdatedState(onAction)
    val act: (UiAction) -> Unit = remember { { action -> currentAction(action) } }
    GuideScreenFrame(strings[S.SEARCH], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        val cutTitle = LocalCutTitle.current
        // The benchmark's end of a keystroke: the list drawn with the answer to the query now in the field.
        val answer = state.answered?.takeIf { it == state.query && state.groups != null }?.let { Shown.SearchAnswer(it) }
            ?: Shown.SearchOpen.takeIf { state.query.isEmpty() }
        LazyColumn(
            Modifier.fillMaxSize().testTag("search").markShown(answer),
            state = list,
            contentPadding = fullTitlePadding(cutTitle, 10.dp),
            verticalArrangement = Arrangement.spacedBy(10.dp),
        ) {
            fullTitleItem(cutTitle)
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
                    singleLine = true,
                    keyboardOptions = KeyboardOptions(imeAction = ImeAction.Search),
                    keyboardActions = KeyboardActions(onSearch = { onAction(SearchAction.OpenFirst) }),
                    textStyle = MaterialTheme.typography.bodyLarge,
                    // Tab leaves the field (never a tab typed in), Enter opens the first hit, ↓ goes into the hits.
                    modifier = Modifier.fillMaxWidth().focusRequester(focus).testTag("search-field").onPreviewKeyEvent { event ->
                        val down = event.type == KeyEventType.KeyDown
                        when (event.key) {
                            Key.Tab -> {
                                if (down) focusManager.moveFocus(if (event.isShiftPressed) FocusDirection.Previous else FocusDirection.Next)
                                true
                            }
                            Key.Enter, Key.NumPadEnter -> {
                                if (down) onAction(SearchAction.OpenFirst)
                                true
                            }
                            Key.DirectionDown -> {
                                if (down && state.count > 0) runCatching { firstHit.requestFocus() }
                                state.count > 0
                            }
                            else -> false
                        }
                    },
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
                state.nothingFound -> item {
                    EmptyNote(strings[S.SEARCH_NOTHING, "query" to state.query.trim()], Modifier.testTag("no-results"))
                }
                groups.isEmpty() -> Unit
                else -> {
                    item { Text(strings.plural(P.RESULTS, state.count), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("result-count")) }
                    val first = groups.first().hits.first()
                    for (group in groups) {
                        item(key = "group:${group.kind}", contentType = "group") { SectionTitle(kindTitle(strings, group.kind)) }
                        items(group.hits, key = { "hit:${it.key}" }, contentType = { "hit" }) { hit ->
                            HitCard(hit, state.language, act, if (hit === first) firstHit else null, focus)
                        }
                    }
                }
            }
        }
    }
}

/** One hit; [firstHit] is given to the first hit only (↓ from the field lands there, ↑ from it returns to [field]). */
@Composable
private fun HitCard(hit: SearchHit, readerLanguage: Language, onAction: (UiAction) -> Unit, firstHit: FocusRequester?, field: FocusRequester) {
    val strings = LocalStrings.current
    val focusManager = LocalFocusManager.current
    // ↑ and ↓ move between the hits (and from the first back up to the field).
    val arrows = Modifier.onPreviewKeyEvent { event ->
        val direction = when (event.key) {
            Key.DirectionDown -> FocusDirection.Next
            Key.DirectionUp -> FocusDirection.Previous
            else -> return@onPreviewKeyEvent false
        }
        if (event.type == KeyEventType.KeyDown) {
            if (firstHit != null && direction == FocusDirection.Previous) field.requestFocus() else focusManager.moveFocus(direction)
        }
        true
    }
    val modifier = if (firstHit != null) arrows.focusRequester(firstHit) else arrows
    GuideCard(onClick = { onAction(Open(Destination.of(hit.item))) }, modifier = modifier.testTag("hit:${hit.item.code()}")) {
        HighlightedText(hit.title, MaterialTheme.typography.titleMedium, title = true)
        if (!hit.excerpt.isEmpty) {
            // A contact found by its number shows the number: large, as on the contact card, and on one line.
            val isNumber = hit.item.kind() == ItemKind.CONTACT && hit.excerpt.text().none { it.isLetter() }
            HighlightedText(hit.excerpt, if (isNumber) MaterialTheme.typography.headlineSmall else MaterialTheme.typography.bodyLarge, number = isNumber)
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
private fun HighlightedText(text: Highlighted, style: androidx.compose.ui.text.TextStyle, title: Boolean = false, number: Boolean = false) {
    val color = LocalGuideColors.current.link
    val marked = remember(text, color) {
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
        }
    }
    when {
        number -> NumberText(marked, style)
        title -> WholeWordsText(marked, style)
        else -> Text(marked, style = style)
    }
}

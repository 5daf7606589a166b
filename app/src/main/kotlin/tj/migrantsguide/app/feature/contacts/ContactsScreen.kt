package tj.migrantsguide.app.feature.contacts

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.focusable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import kotlinx.coroutines.launch
import tj.migrantsguide.app.designsystem.FULL_TITLE_KEY
import tj.migrantsguide.app.designsystem.focusRing
import tj.migrantsguide.app.model.ContactIndexKind
import tj.migrantsguide.app.model.contactKey
import tj.migrantsguide.app.model.groupKey
import tj.migrantsguide.app.model.indexTitle
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.ContactCard
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.Loading
import tj.migrantsguide.app.designsystem.QuietAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.handout.HandoutRequest
import tj.migrantsguide.app.handout.PrintThisHandout
import tj.migrantsguide.app.handout.rememberHandoutPrinter
import tj.migrantsguide.app.model.ContactState
import tj.migrantsguide.app.model.ContactsState
import tj.migrantsguide.app.model.groupTitle
import tj.migrantsguide.app.model.loadContactState
import tj.migrantsguide.app.model.loadContactsState
import tj.migrantsguide.app.model.ref
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.system.Shown
import tj.migrantsguide.app.system.markShown
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef

/**
 * Stateful contacts screen: loads the groups off the UI thread and reloads on language, country or content change.
 * [section]: the index entry to open at (the home card's "Embassy and consulates").
 */
@Composable
fun ContactsScreen(
    controller: AppController,
    country: String,
    language: Language,
    emergencyOnly: Boolean,
    section: ContactIndexKind? = null,
) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    val state by produceState<ContactsState?>(null, country, language, emergencyOnly, revision, bookmarks) {
        value = withContext(services.background) {
            loadContactsState(services.content, country, language, emergencyOnly, bookmarks.toSet())
        }
    }
    val print = rememberHandoutPrinter(controller)
    ContactsContent(state, section) { action ->
        if (action == PrintThisHandout) {
            print(HandoutRequest.Contacts(country), language)
        } else {
            controller.handle(action)
        }
    }
}

/**
 * The country's contacts by group, under an index (emergency · Ministry office · embassy and consulates · hotlines ·
 * services) whose entries scroll to their section and put the keyboard focus on it, so that Tab goes on into it.
 * Opened with a [section], it starts there.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ContactsContent(state: ContactsState?, section: ContactIndexKind? = null, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val title = when {
        state == null -> strings[S.CONTACTS]
        state.emergencyOnly -> strings[S.EMERGENCY_NUMBERS]
        else -> strings[S.CONTACTS_IN, "country" to state.countryName]
    }
    val list = rememberLazyListState()
    val scope = rememberCoroutineScope()
    // The list item an index entry asked for: it takes focus once it is composed (after the scroll).
    var focusWanted by remember { mutableStateOf<String?>(null) }
    val keys = remember(state) { state?.let(::listKeys).orEmpty() }
    fun jump(target: String) {
        val at = keys.indexOf(target)
        if (at < 0) return
        focusWanted = target
        scope.launch { list.scrollToItem(at) }
    }
    var sectionOpened by remember(section) { mutableStateOf(false) }
    LaunchedEffect(state, section) {
        if (state != null && section != null && !sectionOpened) {
            sectionOpened = true
            state.target(section)?.let(::jump)
        }
    }
    val targets = remember(state) { state?.index?.map { it.target }?.toSet().orEmpty() }
    // Only the index's targets are extra focus stops: the rest of a card is reached by its buttons.
    @Composable
    fun Modifier.jumpTarget(key: String): Modifier {
        if (key !in targets) return this
        val requester = remember(key) { FocusRequester() }
        if (focusWanted == key) {
            LaunchedEffect(key) {
                requester.requestFocus()
                focusWanted = null
            }
        }
        return this.focusRequester(requester).focusRing(RoundedCornerShape(16.dp)).focusable()
    }
    GuideScreenFrame(title, onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "contacts", 12.dp, list) { state ->
            if (state.groups.isEmpty()) {
                item(key = "empty") { EmptyNote(if (state.emergencyOnly) strings[S.EMERGENCY_EMPTY] else strings[S.CONTACTS_EMPTY]) }
            }
            // Emitted in the order of listKeys, which the jumps count on.
            if (state.index.isNotEmpty()) {
                item(key = INDEX_KEY) {
                    Column(verticalArrangement = Arrangement.spacedBy(6.dp), modifier = Modifier.testTag("contacts-index")) {
                        Text(
                            strings[S.CONTACTS_INDEX],
                            style = MaterialTheme.typography.labelLarge,
                            color = MaterialTheme.colorScheme.onSurfaceVariant,
                            modifier = Modifier.semantics { heading() },
                        )
                        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                            for (entry in state.index) {
                                SecondaryAction(
                                    indexTitle(strings, entry.kind),
                                    onClick = { jump(entry.target) },
                                    modifier = Modifier.testTag("index:${entry.kind}"),
                                )
                            }
                        }
                    }
                }
            }
            for (group in state.groups) {
                val header = groupKey(group.kind)
                item(key = header) { SectionTitle(groupTitle(strings, group.kind), Modifier.testTag("section:${group.kind}").jumpTarget(header)) }
                items(group.contacts, key = { contactKey(it) }) { contact ->
                    ContactCard(
                        contact,
                        readerLanguage = state.language,
                        countryLabel = null,
                        bookmarked = contact.ref() in state.bookmarks,
                        onAction = onAction,
                        callInstead = state.callInstead[tj.migrantsguide.guide.CallInstead.key(contact)],
                        modifier = Modifier.jumpTarget(contactKey(contact))
                            .markShown(if (state.emergencyOnly && contact === state.groups.first().contacts.first()) Shown.EmergencyNumbers else null),
                    )
                }
            }
            if (state.emergencyOnly) {
                item { SecondaryAction(strings[S.ALL_CONTACTS], onClick = { onAction(Open(Destination.Contacts())) }) }
            } else if (state.groups.isNotEmpty()) {
                item {
                    QuietAction(
                        strings[S.PRINT_HANDOUT],
                        onClick = { onAction(PrintThisHandout) },
                        modifier = Modifier.testTag("print-handout"),
                    )
                }
            }
        }
    }
}

private const val INDEX_KEY = "index"

/** The keys of the list's items, in order, up to the last contact: where each index entry's target sits. */
private fun listKeys(state: ContactsState): List<String> = buildList {
    add(FULL_TITLE_KEY)
    if (state.groups.isEmpty()) add("empty")
    if (state.index.isNotEmpty()) add(INDEX_KEY)
    for (group in state.groups) {
        add(groupKey(group.kind))
        for (contact in group.contacts) add(contactKey(contact))
    }
}

/** One contact on its own: the target of links, bookmarks and search hits. */
@Composable
fun ContactScreen(controller: AppController, item: ItemRef, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    val state by produceState<ContactState?>(null, item, language, revision, bookmarks) {
        value = withContext(services.background) { loadContactState(services.content, item, language, bookmarks.toSet()) }
    }
    androidx.compose.runtime.LaunchedEffect(item) { controller.save { services.userData.markViewed(item) } }
    ContactContent(state, controller::handle)
}

@Composable
fun ContactContent(state: ContactState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(
        state?.contact?.name() ?: strings[S.CONTACTS],
        onBack = { onAction(Back) },
        onEmergency = { onAction(Emergency) },
    ) {
        LazyColumn(Modifier.fillMaxSize(), contentPadding = screenPadding(), verticalArrangement = Arrangement.spacedBy(12.dp)) {
            when {
                state == null -> item { Loading() }
                state.contact == null -> item { EmptyNote(strings[S.ITEM_GONE]) }
                else -> item {
                    ContactCard(state.contact, state.language, state.countryName, state.bookmarked, onAction)
                }
            }
        }
    }
}

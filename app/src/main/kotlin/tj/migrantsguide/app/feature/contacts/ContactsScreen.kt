package tj.migrantsguide.app.feature.contacts

import androidx.compose.foundation.layout.Arrangement
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
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef

/** Stateful contacts screen: loads the groups off the UI thread and reloads on language, country or content change. */
@Composable
fun ContactsScreen(controller: AppController, country: String, language: Language, emergencyOnly: Boolean) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    val state by produceState<ContactsState?>(null, country, language, emergencyOnly, revision, bookmarks) {
        value = withContext(services.background) {
            loadContactsState(services.content, country, language, emergencyOnly, bookmarks.toSet())
        }
    }
    val print = rememberHandoutPrinter(controller)
    ContactsContent(state) { action ->
        if (action == PrintThisHandout) {
            print(HandoutRequest.Contacts(country), language)
        } else {
            controller.handle(action)
        }
    }
}

@Composable
fun ContactsContent(state: ContactsState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val title = when {
        state == null -> strings[S.CONTACTS]
        state.emergencyOnly -> strings[S.EMERGENCY_NUMBERS]
        else -> strings[S.CONTACTS_IN, "country" to state.countryName]
    }
    GuideScreenFrame(title, onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "contacts", 12.dp) { state ->
            if (state.groups.isEmpty()) {
                item { EmptyNote(if (state.emergencyOnly) strings[S.EMERGENCY_EMPTY] else strings[S.CONTACTS_EMPTY]) }
            }
            for (group in state.groups) {
                item(key = "group:${group.kind}") { SectionTitle(groupTitle(strings, group.kind)) }
                items(group.contacts, key = { "contact:${it.countryCode()}/${it.id()}" }) { contact ->
                    ContactCard(
                        contact,
                        readerLanguage = state.language,
                        countryLabel = null,
                        bookmarked = contact.ref() in state.bookmarks,
                        onAction = onAction,
                        callInstead = state.callInstead[tj.migrantsguide.guide.CallInstead.key(contact)],
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

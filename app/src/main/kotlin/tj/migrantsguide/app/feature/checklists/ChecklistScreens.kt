package tj.migrantsguide.app.feature.checklists

import androidx.compose.foundation.border
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.CheckCircle
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Checkbox
import androidx.compose.material3.Icon
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.input.key.type
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.NotConfirmedNote
import tj.migrantsguide.app.designsystem.BookmarkButton
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.FallbackNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LoadedList
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.QuietAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SourcesBlock
import tj.migrantsguide.app.designsystem.VerifiedLine
import tj.migrantsguide.app.designsystem.controlScale
import tj.migrantsguide.app.designsystem.focusRing
import tj.migrantsguide.app.designsystem.focusedOnOpen
import tj.migrantsguide.app.handout.HandoutRequest
import tj.migrantsguide.app.handout.PrintThisHandout
import tj.migrantsguide.app.handout.rememberHandoutPrinter
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.OpenDialogs
import tj.migrantsguide.app.navigation.SetBookmark
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef

/** Actions of the checklist screen. */
sealed interface ChecklistAction : UiAction {
    data class Tick(val itemId: String, val ticked: Boolean) : ChecklistAction
    data object AskReset : ChecklistAction
    data object ConfirmReset : ChecklistAction
    data object CancelReset : ChecklistAction
    data class ChoosePerson(val personId: Long) : ChecklistAction
    data object AskAddPerson : ChecklistAction
    data object AskRenamePerson : ChecklistAction
    data object AskRemovePerson : ChecklistAction
    data class SavePersonName(val name: String) : ChecklistAction
    data object ConfirmRemovePerson : ChecklistAction
    data object CloseDialog : ChecklistAction
}

@Composable
fun ChecklistsScreen(controller: AppController, country: String, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val ticks by services.userData.ticksRevision.collectAsState()
    val lists by produceState<List<Pair<ItemRef, tj.migrantsguide.guide.Checklist>>?>(null, country, language, revision) {
        value = withContext(services.background) { loadChecklists(services.content, country, language) }
    }
    val loaded = lists
    val state by produceState<ChecklistsState?>(null, loaded, ticks) {
        value = loaded?.let { withContext(services.background) { checklistsState(services.content, country, language, it, services.userData) } }
    }
    ChecklistsContent(state, controller::handle)
}

@Composable
fun ChecklistsContent(state: ChecklistsState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    GuideScreenFrame(strings[S.CHECKLISTS], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LoadedList(state, "checklists", 12.dp) { state ->
            if (state.lists.isEmpty()) item { EmptyNote(strings[S.CHECKLISTS_EMPTY]) }
            items(state.lists, key = { it.item.code() }) { progress ->
                GuideCard(
                    onClick = { onAction(Open(Destination.Checklist(progress.item))) },
                    modifier = Modifier.testTag("open:${progress.item.code()}"),
                ) {
                    Text(progress.checklist.title(), style = MaterialTheme.typography.titleMedium)
                    FallbackNote(progress.checklist.language(), state.language)
                    ProgressLine(progress)
                }
            }
        }
    }
}

@Composable
private fun ProgressLine(progress: ChecklistProgress) {
    val strings = LocalStrings.current
    Column(verticalArrangement = Arrangement.spacedBy(6.dp)) {
        val extras = LocalGuideColors.current
        LinearProgressIndicator(
            progress = { if (progress.total == 0) 0f else progress.done.toFloat() / progress.total },
            // In high contrast the track is as black as the page: a white outline shows where the bar ends.
            modifier = Modifier.fillMaxWidth().height(10.dp)
                .then(if (extras.borderWidth > 1.dp) Modifier.border(1.dp, extras.border) else Modifier),
            drawStopIndicator = {},
        )
        Text(
            strings.plural(P.DONE_OF, progress.total, "done" to progress.done),
            style = MaterialTheme.typography.bodyLarge,
            modifier = Modifier.testTag("progress"),
        )
    }
}

@Composable
fun ChecklistScreen(controller: AppController, item: ItemRef, language: Language) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val ticks by services.userData.ticksRevision.collectAsState()
    val people by services.userData.people.collectAsState()
    val current by services.userData.currentPerson.collectAsState()
    val bookmarks by services.userData.bookmarks.collectAsState()
    var confirming by remember(item) { mutableStateOf(false) }
    var dialog by remember(item) { mutableStateOf<PeopleDialog?>(null) }
    val loaded by produceState<Pair<tj.migrantsguide.guide.Checklist?, String>?>(null, item, language, revision) {
        value = withContext(services.background) {
            val list = services.content.checklists(item.countryCode(), language).firstOrNull { it.id() == item.id() }
            list to (services.content.countries().firstOrNull { it.code() == item.countryCode() }?.name(language) ?: item.countryCode())
        }
    }
    val loadedList = loaded
    val state by produceState<ChecklistState?>(null, loadedList, ticks, people, current, bookmarks, confirming, dialog) {
        value = loadedList?.let { (list, countryName) ->
            withContext(services.background) {
                checklistState(services.userData, item, list, countryName, language, people, current, item in bookmarks, confirming, dialog)
            }
        }
    }
    LaunchedEffect(item) { controller.save { services.userData.markViewed(item) } }
    val print = rememberHandoutPrinter(controller)
    ChecklistContent(state) { action ->
        when (action) {
            PrintThisHandout -> print(HandoutRequest.Checklist(item.id()), language)
            is ChecklistAction.Tick -> controller.save { services.userData.setTicked(item, action.itemId, action.ticked) }
            ChecklistAction.AskReset -> confirming = true
            ChecklistAction.CancelReset -> confirming = false
            ChecklistAction.ConfirmReset -> {
                confirming = false
                controller.save { services.userData.resetTicks(item) }
            }
            is ChecklistAction.ChoosePerson -> controller.save { services.userData.choosePerson(action.personId) }
            ChecklistAction.AskAddPerson -> dialog = PeopleDialog.Add
            ChecklistAction.AskRenamePerson -> dialog = PeopleDialog.Rename(current)
            ChecklistAction.AskRemovePerson -> dialog = PeopleDialog.Remove(current)
            ChecklistAction.CloseDialog -> dialog = null
            is ChecklistAction.SavePersonName -> {
                val open = dialog
                dialog = null
                if (action.name.isNotBlank()) controller.save {
                    when (open) {
                        PeopleDialog.Add -> services.userData.choosePerson(services.userData.addPerson(action.name).id())
                        is PeopleDialog.Rename -> services.userData.renamePerson(open.person.id(), action.name)
                        else -> Unit
                    }
                }
            }
            ChecklistAction.ConfirmRemovePerson -> {
                val open = dialog
                dialog = null
                if (open is PeopleDialog.Remove) controller.save { services.userData.removePerson(open.person.id()) }
            }
            else -> controller.handle(action)
        }
    }
}

/** A checklist to tick: big rows (the whole row toggles), progress on top, reset behind a question. */
@Composable
fun ChecklistContent(state: ChecklistState?, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val progress = state?.progress
    GuideScreenFrame(
        progress?.checklist?.title() ?: strings[S.CHECKLISTS],
        onBack = { onAction(Back) },
        onEmergency = { onAction(Emergency) },
    ) {
        LoadedList(state, "checklist", 8.dp) { state ->
            if (progress == null) {
                item { EmptyNote(strings[S.ITEM_GONE]) }
                return@LoadedList
            }
            item {
                Row(verticalAlignment = Alignment.Top) {
                    Text(
                        state.countryName,
                        style = MaterialTheme.typography.bodyLarge,
                        color = MaterialTheme.colorScheme.onSurfaceVariant,
                        modifier = Modifier.weight(1f).padding(top = 12.dp),
                    )
                    BookmarkButton(state.bookmarked) { onAction(SetBookmark(progress.item, !state.bookmarked)) }
                }
            }
            if (progress.checklist.verified().isEmpty) item { NotConfirmedNote(onAction) }
            item { FallbackNote(progress.checklist.language(), state.language) }
            item { PeoplePicker(state, onAction) }
            item { ProgressLine(progress) }
            if (progress.total > 0 && progress.done == progress.total) {
                item {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Icon(Icons.Filled.CheckCircle, contentDescription = null, tint = MaterialTheme.colorScheme.primary)
                        Spacer(Modifier.width(8.dp))
                        Text(strings[S.CHECKLIST_DONE], style = MaterialTheme.typography.titleMedium)
                    }
                }
            }
            items(progress.checklist.items(), key = { "item:${it.id()}" }) { entry ->
                val ticked = entry.id() in progress.ticked
                val shape = RoundedCornerShape(12.dp)
                Row(
                    Modifier
                        .fillMaxWidth()
                        .defaultMinSize(minHeight = 56.dp)
                        .focusRing(shape)
                        .toggleable(value = ticked, role = Role.Checkbox) { onAction(ChecklistAction.Tick(entry.id(), it)) }
                        .padding(horizontal = 4.dp, vertical = 8.dp)
                        .testTag("tick:${entry.id()}"),
                    verticalAlignment = Alignment.Top,
                ) {
                    // The row is the toggle; the box only shows the state, so it must not take focus itself.
                    Checkbox(checked = ticked, onCheckedChange = null, modifier = Modifier.controlScale())
                    Spacer(Modifier.width(8.dp))
                    Text(
                        entry.text(),
                        style = MaterialTheme.typography.bodyLarge,
                        textDecoration = if (ticked) TextDecoration.LineThrough else null,
                        color = if (ticked) MaterialTheme.colorScheme.onSurfaceVariant else MaterialTheme.colorScheme.onSurface,
                        modifier = Modifier.weight(1f).padding(top = 10.dp),
                    )
                }
            }
            item {
                QuietAction(
                    strings[S.RESET],
                    onClick = { onAction(ChecklistAction.AskReset) },
                    icon = Icons.Filled.Refresh,
                    modifier = Modifier.testTag("reset"),
                )
            }
            item {
                QuietAction(
                    strings[S.PRINT_HANDOUT],
                    onClick = { onAction(PrintThisHandout) },
                    modifier = Modifier.testTag("print-handout"),
                )
            }
            item { VerifiedLine(progress.checklist.verified()) }
            item { SourcesBlock(progress.checklist.sources()) }
        }
        state?.dialog?.let { PeopleDialogView(it, state, onAction) }
        if (state?.confirmingReset == true) {
            OpenDialogs.Track()
            AlertDialog(
                onDismissRequest = { onAction(ChecklistAction.CancelReset) },
                title = { Text(strings[S.RESET_QUESTION], modifier = Modifier.semantics { heading() }) },
                text = { Text(strings[S.RESET_EXPLAINED], style = MaterialTheme.typography.bodyLarge) },
                confirmButton = {
                    PrimaryAction(strings[S.RESET_CONFIRM], onClick = { onAction(ChecklistAction.ConfirmReset) }, modifier = Modifier.focusedOnOpen().testTag("confirm-reset"))
                },
                dismissButton = { SecondaryAction(strings[S.CANCEL], onClick = { onAction(ChecklistAction.CancelReset) }) },
            )
        }
    }
}

/** Whose ticks are shown: one chip per person with their progress; add, rename, remove. */
@OptIn(androidx.compose.foundation.layout.ExperimentalLayoutApi::class)
@Composable
private fun PeoplePicker(state: ChecklistState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    Column(verticalArrangement = Arrangement.spacedBy(6.dp), modifier = Modifier.testTag("people")) {
        Text(strings[S.PERSON_WHOSE_LIST], style = MaterialTheme.typography.titleSmall)
        androidx.compose.foundation.layout.FlowRow(
            horizontalArrangement = Arrangement.spacedBy(8.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            for (entry in state.people) {
                val selected = entry.person.id() == state.currentPersonId
                androidx.compose.material3.FilterChip(
                    selected = selected,
                    onClick = { onAction(ChecklistAction.ChoosePerson(entry.person.id())) },
                    label = {
                        Text(
                            strings[S.PERSON_PROGRESS, "name" to personName(entry.person, strings), "done" to entry.done.toString(), "total" to entry.total.toString()],
                            style = MaterialTheme.typography.bodyLarge,
                        )
                    },
                    leadingIcon = if (selected) ({ Icon(Icons.Filled.CheckCircle, contentDescription = null) }) else null,
                    modifier = Modifier.focusRing().testTag("person:${entry.person.id()}"),
                )
            }
        }
        androidx.compose.foundation.layout.FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
            QuietAction(strings[S.PERSON_ADD], onClick = { onAction(ChecklistAction.AskAddPerson) }, modifier = Modifier.testTag("person-add"))
            QuietAction(strings[S.PERSON_RENAME], onClick = { onAction(ChecklistAction.AskRenamePerson) }, modifier = Modifier.testTag("person-rename"))
            if (state.people.size > 1) {
                QuietAction(strings[S.PERSON_REMOVE], onClick = { onAction(ChecklistAction.AskRemovePerson) }, modifier = Modifier.testTag("person-remove"))
            }
        }
    }
}

fun personName(person: tj.migrantsguide.store.Person, strings: Strings): String =
    if (person.hasName()) person.name() else strings[S.PERSON_ME]

@Composable
private fun PeopleDialogView(dialog: PeopleDialog, state: ChecklistState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    when (dialog) {
        is PeopleDialog.Remove -> {
            OpenDialogs.Track()
            AlertDialog(
                onDismissRequest = { onAction(ChecklistAction.CloseDialog) },
                title = { Text(strings[S.PERSON_REMOVE_QUESTION, "name" to personName(dialog.person, strings)], modifier = Modifier.semantics { heading() }) },
                text = { Text(strings[S.PERSON_REMOVE_EXPLAINED], style = MaterialTheme.typography.bodyLarge) },
                confirmButton = {
                    PrimaryAction(
                        strings[S.PERSON_REMOVE],
                        onClick = { onAction(ChecklistAction.ConfirmRemovePerson) },
                        modifier = Modifier.focusedOnOpen().testTag("confirm-remove-person"),
                    )
                },
                dismissButton = { SecondaryAction(strings[S.CANCEL], onClick = { onAction(ChecklistAction.CloseDialog) }) },
            )
        }
        else -> {
            val initial = (dialog as? PeopleDialog.Rename)?.person?.name().orEmpty()
            var name by remember(dialog) { mutableStateOf(initial) }
            // The name field has focus on open; Enter saves (a name is needed), Esc cancels (onDismissRequest).
            val save = { if (name.isNotBlank()) onAction(ChecklistAction.SavePersonName(name)) }
            OpenDialogs.Track()
            AlertDialog(
                onDismissRequest = { onAction(ChecklistAction.CloseDialog) },
                title = {
                    Text(
                        if (dialog is PeopleDialog.Add) strings[S.PERSON_ADD] else strings[S.PERSON_RENAME],
                        modifier = Modifier.semantics { heading() },
                    )
                },
                text = {
                    androidx.compose.material3.OutlinedTextField(
                        value = name,
                        onValueChange = { if (it.length <= PERSON_NAME_MAX) name = it },
                        label = { Text(strings[S.PERSON_NAME]) },
                        singleLine = true,
                        keyboardOptions = androidx.compose.foundation.text.KeyboardOptions(imeAction = androidx.compose.ui.text.input.ImeAction.Done),
                        keyboardActions = androidx.compose.foundation.text.KeyboardActions(onDone = { save() }),
                        modifier = Modifier.fillMaxWidth().focusedOnOpen().testTag("person-name").onPreviewKeyEvent { event ->
                            val enter = event.key == androidx.compose.ui.input.key.Key.Enter || event.key == androidx.compose.ui.input.key.Key.NumPadEnter
                            if (enter && event.type == androidx.compose.ui.input.key.KeyEventType.KeyDown) save()
                            enter
                        },
                    )
                },
                confirmButton = {
                    PrimaryAction(
                        strings[S.SAVE],
                        onClick = { onAction(ChecklistAction.SavePersonName(name)) },
                        enabled = name.isNotBlank(),
                        modifier = Modifier.testTag("save-person"),
                    )
                },
                dismissButton = { SecondaryAction(strings[S.CANCEL], onClick = { onAction(ChecklistAction.CloseDialog) }) },
            )
        }
    }
}

/** The store keeps 60 characters of a name. */
private const val PERSON_NAME_MAX = 60

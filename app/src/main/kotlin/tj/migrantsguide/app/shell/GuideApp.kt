package tj.migrantsguide.app.shell

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.focus.focusTarget
import androidx.compose.ui.input.key.onKeyEvent
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.app.designsystem.ListScroller
import tj.migrantsguide.app.designsystem.LocalFocusMemory
import tj.migrantsguide.app.designsystem.rememberFocusMemory
import androidx.compose.runtime.saveable.rememberSaveableStateHolder
import tj.migrantsguide.app.designsystem.LocalListScroller
import tj.migrantsguide.app.designsystem.Loading
import tj.migrantsguide.app.designsystem.focusedOnOpen
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.feature.ask.AskScreen
import tj.migrantsguide.app.feature.ask.MyQuestionsScreen
import tj.migrantsguide.app.feature.changes.ChangesScreen
import tj.migrantsguide.app.feature.changes.UpdatedNotice
import tj.migrantsguide.app.feature.changes.updatedNoticeText
import tj.migrantsguide.app.feature.checklists.ChecklistScreen
import tj.migrantsguide.app.feature.checklists.ChecklistsScreen
import tj.migrantsguide.app.feature.contacts.ContactScreen
import tj.migrantsguide.app.feature.contacts.ContactsScreen
import tj.migrantsguide.app.feature.guide.ArticleScreen
import tj.migrantsguide.app.feature.guide.GuideScreen
import tj.migrantsguide.app.feature.home.HomeScreen
import tj.migrantsguide.app.feature.home.PreparedHome
import tj.migrantsguide.app.feature.saved.SavedScreen
import tj.migrantsguide.app.feature.search.SearchScreen
import tj.migrantsguide.app.feature.settings.AboutScreen
import tj.migrantsguide.app.feature.settings.SettingsScreen
import tj.migrantsguide.app.feature.share.ShareScreen
import tj.migrantsguide.app.feature.start.CountryPickerContent
import tj.migrantsguide.app.feature.start.LanguagePickerContent
import tj.migrantsguide.app.feature.start.StartAction
import tj.migrantsguide.app.model.countryChoices
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.DialNotice
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.navigation.OpenDialogs
import tj.migrantsguide.app.navigation.handleAppKey
import tj.migrantsguide.app.navigation.storeProblemText
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language

/**
 * The whole app over [services]: theme and strings from the person's settings, first start until language and
 * country are chosen, then the screen on top of the back stack. [onContentShown] runs once, after the first frame
 * of the home screen with content (the start-up benchmark's mark). The window passes its [navigator] so that its
 * own key handler (which sees keys even when nothing has focus) and the screens share one back stack.
 */
@Composable
fun GuideApp(
    services: GuideServices,
    navigator: Navigator = remember { Navigator() },
    onContentShown: () -> Unit = {},
    /** My dates' reminders while the app runs: shown here when the system has no tray to notify in. */
    reminders: tj.migrantsguide.app.feature.dates.DateReminders? = null,
    /** What the first screen shows, read before the window opened: the first frame then has content. */
    prepared: PreparedStart? = null,
) {
    val settings by services.userData.settings.collectAsState()
    GuideTheme(settings.theme, settings.textSize, settings.language ?: Language.TAJIK) {
        val scope = rememberCoroutineScope()
        val controller = remember(services, navigator) { AppController(services, navigator, scope) }
        val snackbar = remember { SnackbarHostState() }
        LaunchedEffect(controller) { controller.messages.collect { snackbar.showSnackbar(it) } }
        // The screen itself holds focus after every move, so that Esc, Alt+Left and Ctrl+F work before anything
        // has been tabbed to, and Tab starts again from the top of the new screen. (A screen that focuses its own
        // field, like search, does so after this.)
        val screenFocus = remember { FocusRequester() }
        LaunchedEffect(navigator.current, settings.language, settings.country) { screenFocus.requestFocus() }
        // Page Up/Down and the arrows that nothing focused used scroll the screen's list.
        val scroller = remember { ListScroller() }
        Box(
            Modifier.fillMaxSize()
                .background(MaterialTheme.colorScheme.background)
                .onPreviewKeyEvent { handleAppKey(it, controller.navigator) }
                .onKeyEvent { scroller.onKey(it, scope) }
                .focusRequester(screenFocus)
                .focusTarget(),
        ) {
          // The named sources, for every screen's "Sources" (read again when an update changes the content).
          val contentRevision by services.content.revision.collectAsState()
          val namedSources by androidx.compose.runtime.produceState(emptyList<tj.migrantsguide.guide.NamedSource>(), contentRevision) {
              value = kotlinx.coroutines.withContext(services.background) { runCatching { services.content.namedSources() }.getOrDefault(emptyList()) }
          }
          // What the first searches would build (each language's typo lookup: ~0.5 s at 100k items), built once the
          // window shows and again for each new content version, so that no keystroke waits for it.
          LaunchedEffect(contentRevision) {
              repeat(2) { androidx.compose.runtime.withFrameNanos { } }
              kotlinx.coroutines.withContext(services.background) { runCatching { services.search.prepare() } }
          }
          CompositionLocalProvider(LocalListScroller provides scroller, tj.migrantsguide.app.designsystem.LocalNamedSources provides namedSources) {
            androidx.compose.material3.Surface(
                color = MaterialTheme.colorScheme.background,
                contentColor = MaterialTheme.colorScheme.onBackground,
            ) {
                Column(Modifier.fillMaxSize()) {
                    UpdatedNoticeOnce(controller, settings.language)
                    Box(Modifier.weight(1f)) { AppBody(controller, settings, onContentShown, prepared) }
                }
            }
            SnackbarHost(snackbar, Modifier.align(Alignment.BottomCenter).padding(16.dp).testTag("snackbar"))
            reminders?.let { due ->
                val banner by due.banner.collectAsState()
                tj.migrantsguide.app.feature.dates.ReminderBanner(
                    banner,
                    onOpen = { due.dismissBanner(); navigator.open(Destination.MyDates) },
                    onClose = due::dismissBanner,
                    modifier = Modifier.align(Alignment.BottomCenter).padding(start = 12.dp, end = 12.dp, bottom = 72.dp),
                )
            }
            controller.dialNotice?.let { DialNoticeDialog(it) { controller.dialNotice = null } }
            val recovery by services.userData.recoveryNotice.collectAsState()
            // Told once, in the person's language, whatever screen is open; closing it marks it seen.
            recovery?.let { notice -> RecoveryDialog(notice) { controller.save { services.userData.recoveryNoticeSeen() } } }
            // Once per run: it cannot be marked seen on storage that takes no writes. After the recovery notice.
            var storageTold by remember(services) { mutableStateOf(false) }
            val storageProblem = services.storageProblem
            if (storageProblem != null && !storageTold && recovery == null) {
                StorageProblemDialog(storageProblem) { storageTold = true }
            }
          }
        }
    }
}

/** After an update, "Updated: …" once above the screen, until the person opens What changed or closes it (issue 17). */
@Composable
private fun UpdatedNoticeOnce(controller: AppController, language: Language?) {
    if (language == null) return
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val unseen by produceState<tj.migrantsguide.store.ContentChanges?>(null, revision, language) {
        value = withContext(services.background) { runCatching { services.content.unseenUpdate(language) }.getOrNull() }
    }
    var closed by remember { mutableStateOf(0L) }
    val update = unseen?.takeIf { it.id() > closed } ?: return
    val seen = {
        closed = update.id()
        controller.save { services.content.updateSeen(update.id()) }
    }
    UpdatedNotice(
        updatedNoticeText(LocalStrings.current, update, language),
        onOpen = {
            seen()
            controller.navigator.open(Destination.Changes)
        },
        onClose = seen,
    )
}

@Composable
private fun AppBody(controller: AppController, settings: Settings, onContentShown: () -> Unit, prepared: PreparedStart?) {
    val services = controller.services
    val revision by services.content.revision.collectAsState()
    val handedOver = remember { prepared?.takeIf { it.revision == revision }?.countries }
    var firstRead by remember { mutableStateOf(handedOver != null) }
    val countries by produceState(handedOver, revision) {
        // Read before the window opened, at this revision: nothing to read on the first launch.
        if (firstRead) {
            firstRead = false
            return@produceState
        }
        value = withContext(services.background) { services.content.countries() }
    }
    val language = settings.language
    if (language == null) {
        LanguagePickerContent(null) { action ->
            if (action is StartAction.PickLanguage) controller.save { services.userData.updateSettings { it.copy(language = action.language) } }
        }
        return
    }
    val known = countries ?: run {
        Loading()
        return
    }
    val country = settings.country?.takeIf { code -> known.any { it.code() == code } }
    if (country == null) {
        // First start (or the chosen country left the guide): pick one. Back returns to the language step.
        CountryPickerContent(
            countryChoices(known, language),
            selected = null,
            onAction = { action ->
                if (action is StartAction.PickCountry) controller.save { services.userData.updateSettings { it.copy(country = action.code) } }
            },
            onBack = { controller.save { services.userData.updateSettings { it.copy(language = null) } } },
        )
        return
    }
    // Each entry of the back stack keeps its saved state (list scroll, the control that had focus) while it is in
    // the stack, so that Back returns to the same place with the focus where it was.
    val saved = rememberSaveableStateHolder()
    val navigator = controller.navigator
    val kept = remember { mutableSetOf<Long>() }
    val live = navigator.liveKeys
    LaunchedEffect(live) {
        for (gone in kept - live.toSet()) saved.removeState(gone)
        kept.retainAll(live.toSet())
    }
    kept += navigator.currentKey
    saved.SaveableStateProvider(navigator.currentKey) {
        val memory = rememberFocusMemory()
        CompositionLocalProvider(LocalFocusMemory provides memory) { Screen(controller, settings, country, language, known, onContentShown, prepared?.home) }
    }
}

@Composable
private fun Screen(
    controller: AppController,
    settings: Settings,
    country: String,
    language: Language,
    countries: List<tj.migrantsguide.guide.Country>,
    onContentShown: () -> Unit,
    preparedHome: PreparedHome?,
) {
    val services = controller.services
    val known = countries
    when (val destination = controller.navigator.current) {
        Destination.Home -> HomeScreen(controller, country, language, onContentShown, preparedHome)
        is Destination.Guide -> GuideScreen(controller, country, language, destination.stage)
        is Destination.Article -> ArticleScreen(controller, destination.item, language)
        is Destination.Contacts -> ContactsScreen(controller, country, language, destination.emergencyOnly, destination.section)
        is Destination.Contact -> ContactScreen(controller, destination.item, language)
        Destination.Checklists -> ChecklistsScreen(controller, country, language)
        is Destination.Checklist -> ChecklistScreen(controller, destination.item, language)
        is Destination.Search -> SearchScreen(controller, country, language, destination.query)
        Destination.Saved -> SavedScreen(controller, language)
        is Destination.Ask -> AskScreen(controller, country, language, destination.prefill)
        Destination.MyQuestions -> MyQuestionsScreen(controller, language)
        Destination.Settings -> SettingsScreen(controller, settings, country, language)
        Destination.About -> AboutScreen(controller, language)
        Destination.MyDates -> tj.migrantsguide.app.feature.dates.MyDatesScreen(controller, country, language)
        is Destination.DateEntry -> tj.migrantsguide.app.feature.dates.DateEntryScreen(controller, country, language, destination.event)
        Destination.Changes -> ChangesScreen(controller, language)
        Destination.Share -> ShareScreen(controller, language)
        Destination.ChooseCountry -> CountryPickerContent(
            countryChoices(known, language),
            selected = country,
            onAction = { action ->
                if (action is StartAction.PickCountry) {
                    controller.save { services.userData.updateSettings { it.copy(country = action.code) } }
                    controller.navigator.back()
                }
            },
            onBack = { controller.navigator.back() },
        )
    }
}

/** After Call: the number to dial, large, whether or not the computer could hand the call over. */
@Composable
private fun DialNoticeDialog(notice: DialNotice, onClose: () -> Unit) {
    val strings = LocalStrings.current
    OpenDialogs.Track()
    AlertDialog(
        onDismissRequest = onClose,
        title = { Text(if (notice.handedToSystem) strings[S.CALL_HANDED_OVER] else strings[S.CALL_NOT_POSSIBLE]) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(strings[S.DIAL_ON_PHONE], style = MaterialTheme.typography.bodyLarge)
                Text(notice.contactName, style = MaterialTheme.typography.titleMedium)
                Text(notice.phone.display(), style = MaterialTheme.typography.headlineMedium, fontWeight = FontWeight.Bold)
                if (notice.phone.dial() != notice.phone.display()) {
                    Text(notice.phone.dial(), style = MaterialTheme.typography.titleMedium)
                }
            }
        },
        confirmButton = { PrimaryAction(strings[S.CLOSE], onClick = onClose, modifier = Modifier.focusedOnOpen().testTag("close-dial")) },
        modifier = Modifier.testTag("dial-notice"),
    )
}

/** The person's data folder takes no writes (read-only or full): what still works and what will not be kept. */
@Composable
private fun StorageProblemDialog(problem: tj.migrantsguide.store.StoreException.Problem, onClose: () -> Unit) {
    val strings = LocalStrings.current
    OpenDialogs.Track()
    AlertDialog(
        onDismissRequest = onClose,
        title = { Text(strings[S.STORE_CANNOT_SAVE_TITLE], modifier = Modifier.semantics { heading() }) },
        text = {
            Text(
                strings[S.STORE_CANNOT_SAVE_TEXT, "reason" to storeProblemText(strings, problem)],
                style = MaterialTheme.typography.bodyLarge,
            )
        },
        confirmButton = { PrimaryAction(strings[S.CLOSE], onClick = onClose, modifier = Modifier.focusedOnOpen().testTag("storage-ok")) },
        modifier = Modifier.testTag("storage-problem"),
    )
}

/** What the guide repaired at start: what happened and what was kept. */
@Composable
private fun RecoveryDialog(notice: tj.migrantsguide.store.RecoveryNotice, onClose: () -> Unit) {
    val strings = LocalStrings.current
    OpenDialogs.Track()
    AlertDialog(
        onDismissRequest = onClose,
        title = { Text(strings[S.RECOVERY_TITLE], modifier = Modifier.semantics { heading() }) },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                for (line in recoveryLines(strings, notice)) Text(line, style = MaterialTheme.typography.bodyLarge)
            }
        },
        confirmButton = { PrimaryAction(strings[S.RECOVERY_OK], onClick = onClose, modifier = Modifier.focusedOnOpen().testTag("recovery-ok")) },
        modifier = Modifier.testTag("recovery-notice"),
    )
}

fun recoveryLines(strings: Strings, notice: tj.migrantsguide.store.RecoveryNotice): List<String> = buildList {
    if (notice.userDataDamage().isPresent) {
        add(
            if (notice.recoveredRows().isEmpty()) strings[S.RECOVERY_USER_NOTHING]
            else strings[
                S.RECOVERY_USER_KEPT,
                "ticks" to notice.recoveredTicks().toString(),
                "bookmarks" to notice.recoveredBookmarks().toString(),
                "people" to notice.recoveredPeople().toString(),
            ],
        )
        if (notice.recoveredQuestions() > 0) add(strings[S.RECOVERY_USER_QUESTIONS, "questions" to notice.recoveredQuestions().toString()])
        if (notice.lostTicks() > 0 || notice.lostQuestions() > 0) {
            add(strings[S.RECOVERY_USER_LOST, "ticks" to notice.lostTicks().toString(), "questions" to notice.lostQuestions().toString()])
        }
        if (!notice.deviceTokenRecovered() && (notice.lostRows().containsKey("question_device") || notice.uncountedTables().contains("question_device"))) {
            add(strings[S.RECOVERY_USER_TOKEN_LOST])
        }
        notice.keptAsideAs().ifPresent { add(strings[S.RECOVERY_KEPT_ASIDE, "name" to it]) }
    }
    if (notice.contentRestored()) add(strings[S.RECOVERY_CONTENT])
}

/**
 * What the first screen reads, read on the opening thread while the window is being created (at content
 * [revision] of the services' content): the countries and, when language and country are chosen, the home screen.
 */
class PreparedStart(val revision: Long, val countries: List<tj.migrantsguide.guide.Country>, val home: PreparedHome?)

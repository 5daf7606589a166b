package tj.migrantsguide.app.shell

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.runtime.snapshotFlow
import androidx.compose.runtime.withFrameNanos
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.DateRange
import androidx.compose.ui.Alignment
import androidx.compose.ui.graphics.vector.rememberVectorPainter
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Tray
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.WindowPosition
import androidx.compose.ui.window.WindowState
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import java.awt.GraphicsEnvironment
import java.awt.Rectangle
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.collectLatest
import kotlinx.coroutines.future.await
import kotlinx.coroutines.withContext
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.IdleSync
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.data.SqliteLibrary
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.data.SyncState
import tj.migrantsguide.app.data.UserData
import tj.migrantsguide.app.data.UserDataNotSaved
import tj.migrantsguide.app.data.embeddedSnapshot
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.designsystem.GuideFont
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.feature.ask.BackgroundQuestions
import tj.migrantsguide.app.feature.classmode.ClassModeState
import tj.migrantsguide.app.feature.classmode.WithClassMode
import tj.migrantsguide.app.feature.home.PreparedHome
import tj.migrantsguide.app.feature.home.readHome
import tj.migrantsguide.app.main
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.navigation.handleAppKey
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.app.sync.BackgroundSync
import tj.migrantsguide.app.sync.startSyncInBackground
import tj.migrantsguide.app.system.DesktopActions
import tj.migrantsguide.app.system.MemoryAfterStart
import tj.migrantsguide.app.system.StartupTrace
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.StoreException
import tj.migrantsguide.store.WindowBounds

/** A phone-shaped window: about 412 × 915 dp, resizable. */
val PhoneWindowSize = DpSize(412.dp, 915.dp)

/**
 * Opens the window at once and the guide behind it: the database (and, on the very first start, the import of the
 * built-in content) opens off the UI thread while the window shows what it is doing.
 */
fun openWindow(dataDirectory: Path) {
    StartupTrace.mark("main")
    val clock = Clock.systemUTC()
    val firstFrame = FirstFrameMark.fromSystemProperty()
    val firstImport = Guide.isFirstStart(dataDirectory)
    var openGuide: Guide? = null
    var backgroundSync: BackgroundSync? = null
    val questions = BackgroundQuestions(dataDirectory, clock)
    // The database opens (and on a first start imports the built-in content) while the window is being created:
    // the two take about a second each on a slow machine, so doing them side by side halves the wait.
    fun startOpening() = CompletableFuture.supplyAsync { prepare(open(dataDirectory, clock), clock) }
    var opening = startOpening()
    // The sync and the questions' sender start after the window's first frame, or at once when the guide opens later.
    var firstFrameDrawn = false
    // Once per opened guide (the window's first composition or the wait for the opening, whichever sees it first).
    fun becomeReady(ready: Opening.Ready) {
        if (openGuide === ready.guide) return
        openGuide = ready.guide
        // Reading never waits for this: the sync runs on its own thread and installs in one transaction.
        backgroundSync = startSyncInBackground(ready.guide, clock)
        if (firstFrameDrawn) backgroundSync?.startFirstSync()
        questions.start(backgroundSync?.sync)
    }
    // The window's place and the person's theme live in user.db. Waiting a moment for it lets the window open where
    // it was and in the right colours; past that, it opens centred and the guide fills it when ready.
    val early = (waitBriefly(opening) as? Opening.Ready)?.userData
    application {
        StartupTrace.mark("application composing")
        val settings = early?.settings?.value ?: Settings()
        val windowState = rememberWindowState(
            position = settings.window?.takeIf(::isOnAScreen)?.let { WindowPosition(it.x().dp, it.y().dp) }
                ?: WindowPosition(Alignment.Center),
            size = settings.window?.takeIf(::isOnAScreen)?.let { DpSize(it.width().dp, it.height().dp) } ?: PhoneWindowSize,
        )
        val navigator = remember { Navigator() }
        var userData by remember { mutableStateOf<UserData?>(early) }
        val liveSettings = userData?.settings?.collectAsState()?.value ?: settings
        userData?.let { RememberPlacement(windowState, it) }
        val classMode = remember { ClassModeState() }
        // My dates' reminders go to the system tray where there is one; elsewhere the window shows them itself.
        val trayState = androidx.compose.ui.window.rememberTrayState()
        val hasTray = remember { !GraphicsEnvironment.isHeadless() && java.awt.SystemTray.isSupported() }
        if (hasTray) {
            Tray(
                icon = rememberVectorPainter(Icons.Filled.DateRange),
                state = trayState,
                tooltip = Strings.of(liveSettings.language ?: Language.TAJIK)[S.APP_NAME],
            )
        }
        var reminders by remember { mutableStateOf<tj.migrantsguide.app.feature.dates.DateReminders?>(null) }
        Window(
            onCloseRequest = {
                userData?.let { savePlacement(windowState, it) }
                backgroundSync?.close()
                reminders?.close()
                questions.close()
                openGuide?.close()
                exitApplication()
            },
            title = windowTitle(Strings.of(liveSettings.language ?: Language.TAJIK), AppFeed.developmentBuild),
            state = windowState,
            // While class mode has the screen, its own keys (Esc leaves it) must not also move the app's back stack.
            onPreviewKeyEvent = { classMode.onKey(it) || (!classMode.active && handleAppKey(it, navigator)) },
        ) {
            LaunchedEffect(Unit) {
                withFrameNanos { }
                StartupTrace.mark("first frame of the window")
                firstFrameDrawn = true
                backgroundSync?.startFirstSync()
            }
            var attempt by remember { mutableIntStateOf(0) }
            // The window's first composition comes a second or more after the opening started (creating the
            // window is the slow part): by then the guide is usually open and its first screen read, so the very
            // first frame is the home screen with content, with no "starting" frame and recomposition before it.
            val openedAtFirstFrame = remember { opening.getNow(null) }
            val opened by produceState(openedAtFirstFrame ?: Opening.InProgress, attempt) {
                if (attempt == 0 && openedAtFirstFrame != null) {
                    if (openedAtFirstFrame is Opening.Ready) userData = openedAtFirstFrame.userData
                    return@produceState
                }
                value = Opening.InProgress
                if (attempt > 0) opening = startOpening()
                value = opening.await().also {
                    if (it is Opening.Ready) {
                        becomeReady(it)
                        userData = it.userData
                    }
                }
                StartupTrace.mark("database open")
            }
            // The very first start imports the built-in content (a second or more): the language is chosen at once,
            // meanwhile, and kept here until the person's data is open to take it.
            var languageChosenEarly by remember { mutableStateOf<Language?>(null) }
            when (val state = opened) {
                Opening.InProgress -> {
                    val chosen = languageChosenEarly
                    if (firstImport && liveSettings.language == null && chosen == null) {
                        GuideTheme(liveSettings.theme, liveSettings.textSize, Language.TAJIK) {
                            tj.migrantsguide.app.feature.start.LanguagePickerContent(null) { action ->
                                if (action is tj.migrantsguide.app.feature.start.StartAction.PickLanguage) languageChosenEarly = action.language
                            }
                        }
                    } else {
                        StartingUp(chosen?.let { liveSettings.copy(language = it) } ?: liveSettings, firstImport)
                    }
                }
                is Opening.Failed -> OpenFailed(liveSettings, state) { attempt++ }
                is Opening.Ready -> {
                    val services = remember(state.guide) {
                        becomeReady(state)
                        languageChosenEarly?.let { chosen -> keepLanguageChosenEarly(state.userData, chosen) }
                        val content = state.content
                        // After an update is installed, open screens read the content again.
                        val sync = backgroundSync?.let { background -> background.sync.also { it.onInstalled(background.scope, content::contentChanged) } }
                            ?: IdleSync(available = false)
                        GuideServices(
                            content = content,
                            userData = state.userData,
                            search = StoreSearch(state.guide.store()),
                            sync = sync,
                            outbox = questions.outbox,
                            device = DesktopActions(),
                            clock = clock,
                            dataDirectory = dataDirectory,
                            storageProblem = storageProblemOf(state.guide),
                            dates = tj.migrantsguide.app.data.StoreDateBook(state.guide.store(), clock),
                            sharing = tj.migrantsguide.app.data.GuideFeedSharing(state.guide, pinnedKeys = { AppFeed.pinnedKeys }),
                        )
                    }
                    LaunchedEffect(services) {
                        reminders?.close()
                        reminders = tj.migrantsguide.app.feature.dates.DateReminders(services.dates, state.userData, clock) { reminder ->
                            if (hasTray) trayState.sendNotification(androidx.compose.ui.window.Notification(reminder.title, reminder.text))
                            hasTray
                        }.also { it.start() }
                    }
                    // Class mode's "Share the guide" leaves class mode for the share screen (issue 17).
                    androidx.compose.runtime.CompositionLocalProvider(
                        tj.migrantsguide.app.navigation.LocalShareOpener provides { navigator.open(tj.migrantsguide.app.navigation.Destination.Share) },
                    ) {
                    WithClassMode(
                        services,
                        classMode,
                        onFullScreen = { full ->
                            windowState.placement =
                                if (full) androidx.compose.ui.window.WindowPlacement.Fullscreen
                                else androidx.compose.ui.window.WindowPlacement.Floating
                        },
                    ) {
                        GuideApp(services, navigator, onContentShown = {
                            StartupTrace.mark("first frame with content")
                            firstFrame.reached()
                            MemoryAfterStart.settle()
                        }, reminders = reminders, prepared = state.prepared)
                    }
                    }
                }
            }
        }
    }
}

private sealed interface Opening {
    data object InProgress : Opening
    data class Ready(
        val guide: Guide,
        val userData: StoreUserData,
        val content: StoreGuideContent,
        /** What the first screen shows, read on the opening thread; null when reading it failed. */
        val prepared: PreparedStart? = null,
    ) : Opening
    data class Failed(val snapshotBroken: Boolean, val reason: String) : Opening
}

/**
 * Reads what the first screen shows, on the opening thread, for the window's first composition: the countries
 * and, when language and country are chosen, the home screen. The bundled font is parsed here too, before the
 * first text needs it.
 */
private fun prepare(opening: Opening, clock: Clock): Opening {
    GuideFont.hashCode()
    if (opening !is Opening.Ready) return opening
    val settings = opening.userData.settings.value
    val content = opening.content
    return try {
        val revision = content.revision.value
        val language = settings.language
        val country = settings.country
        val person = opening.userData.currentPerson.value.id()
        val home = if (language != null && country != null) {
            PreparedHome(country, language, person, revision, readHome(content, country, language, clock, person))
        } else {
            null
        }
        opening.copy(prepared = PreparedStart(revision, content.countries(), home)).also { StartupTrace.mark("home state prepared") }
    } catch (e: StoreException) {
        // The screens read again and show what went wrong; preparing is only a head start.
        opening
    }
}

private fun open(dataDirectory: Path, clock: Clock): Opening = try {
    SqliteLibrary.useKeptCopy(dataDirectory)
    Guide.open(dataDirectory, embeddedSnapshot, clock).let { Opening.Ready(it, StoreUserData(it.store().user()), StoreGuideContent(it.store()) { AppFeed.pinnedKeys }) }
} catch (e: Guide.SnapshotUnreadableException) {
    Opening.Failed(snapshotBroken = true, reason = e.message ?: "")
} catch (e: StoreException) {
    Opening.Failed(snapshotBroken = false, reason = e.cause?.message ?: e.message ?: "")
}
/** The language picked while the first import ran, saved before the guide's screens read the settings. */
private fun keepLanguageChosenEarly(userData: UserData, language: Language) {
    try {
        userData.updateSettings { if (it.language == null) it.copy(language = language) else it }
    } catch (e: UserDataNotSaved) {
        // The guide asks for the language again, like any start whose choice was not kept.
        System.err.println("the language chosen at the first start was not saved: ${e.message}")
    }
}

/** The opening's result if it is ready within a moment, else null (the window then opens without it). */
private fun waitBriefly(opening: CompletableFuture<Opening>): Opening? = try {
    opening.get(EARLY_SETTINGS_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
} catch (e: java.util.concurrent.TimeoutException) {
    null
}

private const val EARLY_SETTINGS_WAIT_MS = 400L

/** Why the person's data takes no writes since the start (read-only or full storage), or null when it does. */
internal fun storageProblemOf(guide: Guide): StoreException.Problem? = guide.store().readOnly().map { it.problem() }.orElse(null)

/** The app's name, and on a development build the warning that it trusts the development key (issue 18). */
internal fun windowTitle(strings: Strings, developmentBuild: Boolean): String =
    if (developmentBuild) "${strings[S.APP_NAME]} — ${strings[S.DEVELOPMENT_BUILD]}" else strings[S.APP_NAME]

/** Shown for the second or so the database takes to open; on a first start it says the guide is being set up. */
@Composable
private fun StartingUp(settings: Settings, firstImport: Boolean) {
    GuideTheme(settings.theme, settings.textSize, settings.language ?: Language.TAJIK) {
        val strings = LocalStrings.current
        androidx.compose.material3.Surface(Modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background, contentColor = MaterialTheme.colorScheme.onBackground) {
        Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
            Column(Modifier.padding(32.dp), verticalArrangement = Arrangement.spacedBy(16.dp), horizontalAlignment = Alignment.CenterHorizontally) {
                Text(strings[S.APP_NAME], style = MaterialTheme.typography.headlineSmall)
                LinearProgressIndicator()
                Text(
                    if (firstImport) strings[S.START_FIRST_IMPORT] else strings[S.START_OPENING],
                    style = MaterialTheme.typography.bodyLarge,
                )
            }
        }
        }
    }
}

/** What went wrong and what to do, with a way to try again. */
@Composable
private fun OpenFailed(settings: Settings, failure: Opening.Failed, retry: () -> Unit) {
    GuideTheme(settings.theme, settings.textSize, settings.language ?: Language.TAJIK) {
        val strings = LocalStrings.current
        androidx.compose.material3.Surface(Modifier.fillMaxSize(), color = MaterialTheme.colorScheme.background, contentColor = MaterialTheme.colorScheme.onBackground) {
        Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
            Column(Modifier.padding(32.dp), verticalArrangement = Arrangement.spacedBy(16.dp)) {
                Text(strings[S.START_FAILED], style = MaterialTheme.typography.headlineSmall)
                Text(
                    if (failure.snapshotBroken) strings[S.START_FAILED_SNAPSHOT]
                    else strings[S.START_FAILED_STORE, "reason" to failure.reason],
                    style = MaterialTheme.typography.bodyLarge,
                )
                PrimaryAction(strings[S.TRY_AGAIN], onClick = retry)
            }
        }
        }
    }
}

/** Saves the window's place a moment after it stops moving, so that a crash does not lose it either. */
@Composable
private fun RememberPlacement(state: WindowState, userData: UserData) {
    LaunchedEffect(state) {
        snapshotFlow { state.position to state.size }.collectLatest {
            delay(1000)
            withContext(Dispatchers.IO) { savePlacement(state, userData) }
        }
    }
}

private fun savePlacement(state: WindowState, userData: UserData) {
    // Class mode's full screen is not the person's window: keep the place it had before.
    if (state.placement != androidx.compose.ui.window.WindowPlacement.Floating) return
    val position = state.position
    if (!position.isSpecified) return
    val placement = WindowBounds(position.x.value.toInt(), position.y.value.toInt(), state.size.width.value.toInt().coerceAtLeast(1), state.size.height.value.toInt().coerceAtLeast(1))
    try {
        userData.updateSettings { it.copy(window = placement) }
    } catch (e: UserDataNotSaved) {
        System.err.println("the window's place was not saved: ${e.message}")
    }
}

/** True when at least a corner big enough to grab (64 × 64) of the saved window lies on a screen present now. */
private fun isOnAScreen(placement: WindowBounds): Boolean {
    if (GraphicsEnvironment.isHeadless()) return false
    val window = Rectangle(placement.x(), placement.y(), placement.width(), placement.height())
    return GraphicsEnvironment.getLocalGraphicsEnvironment().screenDevices.any { device ->
        val visible = device.defaultConfiguration.bounds.intersection(window)
        !visible.isEmpty && visible.width >= 64 && visible.height >= 64
    }
}

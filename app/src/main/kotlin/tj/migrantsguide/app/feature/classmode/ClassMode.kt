package tj.migrantsguide.app.feature.classmode

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.Stable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEvent
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.input.key.type
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.designsystem.Choice
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.app.designsystem.Loading
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.handout.AppDownload
import tj.migrantsguide.app.model.countryChoices
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.text.ownName
import tj.migrantsguide.app.navigation.LocalClassModeOpener
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage

/** Where class mode is: off (the app as usual), choosing what to show, or showing slides to a class. */
sealed interface ClassPhase {
    data object Off : ClassPhase
    data object Setup : ClassPhase

    /** A session: [person] holds the class's ticks, in memory only, and ends with it. */
    data class Showing(val choice: ClassChoice, val person: SessionUserData) : ClassPhase
}

/**
 * Class mode's state, held by the window (so that its key handler can tell whether class mode has the keys) and
 * offered to screens as an opener through [LocalClassModeOpener] (Settings opens it). [downloadUrl] is the "get the app" address.
 */
@Stable
class ClassModeState(val downloadUrl: String? = AppDownload.url) {
    var phase: ClassPhase by mutableStateOf(ClassPhase.Off)
        private set

    val active: Boolean get() = phase != ClassPhase.Off
    val fullScreen: Boolean get() = phase is ClassPhase.Showing

    fun open() {
        if (phase == ClassPhase.Off) phase = ClassPhase.Setup
    }

    /** Starts a session with a new, empty person whose settings copy only the owner's look (theme). */
    fun start(choice: ClassChoice, owner: Settings) {
        val settings = Settings(language = choice.language, country = choice.country, theme = owner.theme)
        phase = ClassPhase.Showing(choice, SessionUserData(settings))
    }

    /** Ends the session: what was ticked in it is dropped with its person. */
    fun leave() {
        phase = ClassPhase.Off
    }

    /** F5 (as in presentation programs) opens class mode from anywhere in the app. True when the key was used. */
    fun onKey(event: KeyEvent): Boolean {
        if (event.type != KeyEventType.KeyDown) return false
        return when {
            event.key == Key.F5 && phase == ClassPhase.Off -> {
                open()
                true
            }
            event.key == Key.Escape && phase == ClassPhase.Setup -> {
                leave()
                true
            }
            else -> false
        }
    }
}

/**
 * The app with class mode around it: [app] as usual while class mode is off; the setup screen, then the slides in
 * place of it while it is on. [onFullScreen] is told when the slides start and end, so that the window fills the
 * screen (a projector) and then returns to its own size and place.
 */
@Composable
fun WithClassMode(
    services: GuideServices,
    state: ClassModeState,
    onFullScreen: (Boolean) -> Unit = {},
    app: @Composable () -> Unit,
) {
    val fullScreen = state.fullScreen
    LaunchedEffect(fullScreen) { onFullScreen(fullScreen) }
    val opener: () -> Unit = remember(state) { { state.open() } }
    CompositionLocalProvider(LocalClassModeOpener provides opener) {
        Box(Modifier.fillMaxSize().onPreviewKeyEvent { state.onKey(it) }) {
            when (val phase = state.phase) {
                ClassPhase.Off -> app()
                ClassPhase.Setup -> ClassSetup(services, state)
                is ClassPhase.Showing -> ClassSlides(services, phase, state)
            }
        }
    }
}

/** Choosing the class: what to show (the first button has focus: Enter starts), the country, the language. */
@Composable
private fun ClassSetup(services: GuideServices, state: ClassModeState) {
    val owner = services.userData.settings.value
    var language by remember { mutableStateOf(owner.language ?: Language.TAJIK) }
    var country by remember { mutableStateOf(owner.country) }
    val countries by produceState<List<tj.migrantsguide.guide.Country>?>(null) {
        value = withContext(services.background) { services.content.countries() }
    }
    val first = remember { FocusRequester() }
    GuideTheme(owner.theme, owner.textSize, language) {
        val strings = LocalStrings.current
        GuideScreenFrame(strings[S.CLASS_MODE], onBack = { state.leave() }, onEmergency = null) {
            val known = countries
            if (known == null) {
                Loading()
                return@GuideScreenFrame
            }
            val choices = countryChoices(known, language)
            val chosen = country?.takeIf { code -> choices.any { it.code == code } } ?: choices.firstOrNull()?.code
            LaunchedEffect(Unit) { first.requestFocus() }
            // A plain scrolling column, not a lazy one: the first button must exist when it is given focus.
            Column(
                Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(screenPadding()).testTag("class-setup"),
                verticalArrangement = Arrangement.spacedBy(8.dp),
            ) {
                Text(strings[S.CLASS_MODE_HINT], style = MaterialTheme.typography.bodyLarge)
                tj.migrantsguide.app.navigation.LocalShareOpener.current?.let { openShare ->
                    SecondaryAction(strings[S.SHARE], onClick = { state.leave(); openShare() }, modifier = Modifier.testTag("class-share"))
                }
                SectionTitle(strings[S.CLASS_MODE_SHOW])
                val topics = Stage.entries.map { ClassTopic.OfStage(it) } + ClassTopic.Contacts
                for ((i, topic) in topics.withIndex()) {
                    val start = { if (chosen != null) state.start(ClassChoice(chosen, language, topic), owner) }
                    val modifier = Modifier.fillMaxWidth().testTag("class-start:${topicCode(topic)}")
                    if (i == 0) {
                        PrimaryAction(topicTitle(strings, topic), onClick = start, modifier = modifier.focusRequester(first))
                    } else {
                        SecondaryAction(topicTitle(strings, topic), onClick = start, modifier = modifier)
                    }
                }
                SectionTitle(strings[S.CLASS_MODE_LANGUAGE])
                for (option in Language.entries) {
                    Choice(option.ownName(), selected = option == language, tag = "class-language:${option.code()}") {
                        language = option
                    }
                }
                SectionTitle(strings[S.CLASS_MODE_COUNTRY])
                for (option in choices) {
                    Choice(option.name, selected = option.code == chosen, tag = "class-country:${option.code}") {
                        country = option.code
                    }
                }
            }
        }
    }
}

fun topicCode(topic: ClassTopic): String = when (topic) {
    is ClassTopic.OfStage -> topic.stage.code()
    ClassTopic.Contacts -> "contacts"
}

fun topicTitle(strings: Strings, topic: ClassTopic): String = when (topic) {
    is ClassTopic.OfStage -> when (topic.stage) {
        Stage.BEFORE_DEPARTURE -> strings[S.STAGE_BEFORE]
        Stage.ABROAD -> strings[S.STAGE_ABROAD]
        Stage.RETURN -> strings[S.STAGE_RETURN]
    }
    ClassTopic.Contacts -> strings[S.CLASS_MODE_CONTACTS]
}

/** The slides of a session, loaded off the UI thread; a moment of "loading" on a slow machine. */
@Composable
private fun ClassSlides(services: GuideServices, showing: ClassPhase.Showing, state: ClassModeState) {
    val deck by produceState<List<Slide>?>(null, showing) {
        value = withContext(services.background) { loadClassDeck(services.content, showing.choice, state.downloadUrl) }
    }
    SlideShow(deck, showing.choice.language, showing.person, onLeave = { state.leave() })
}

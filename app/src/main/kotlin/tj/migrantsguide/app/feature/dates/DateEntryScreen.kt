package tj.migrantsguide.app.feature.dates

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
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
import androidx.compose.runtime.setValue
import androidx.compose.runtime.withFrameNanos
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.input.key.type
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import java.time.DateTimeException
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.model.countryName
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.navigation.storeProblemText
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.dates.DateProblem
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.StoreException

/** The date entry screen; immutable. [problem] is what was wrong with the last try, in words. */
data class DateEntryState(
    val event: DateEvent,
    val countryName: String,
    val today: LocalDate,
    val text: String,
    val problem: String? = null,
    val saving: Boolean = false,
)

sealed interface DateEntryAction : UiAction {
    data class Type(val text: String) : DateEntryAction
    data object Today : DateEntryAction
    data object Yesterday : DateEntryAction
    data object Save : DateEntryAction
}

/** How a day is typed and shown in the field: day.month.year, the way papers in Russia and Tajikistan write it. */
val TYPED_DAY: DateTimeFormatter = DateTimeFormatter.ofPattern("dd.MM.yyyy")

/**
 * The day typed: day.month.year with dots, slashes, dashes or spaces ("5.12.2026", "05/12/2026"), or the ISO form
 * the command line takes ("2026-12-05"). Null when it is not a day of the calendar (31.02.2026 included).
 */
fun parseTypedDay(text: String): LocalDate? {
    val parts = text.trim().split(Regex("[./\\-\\s]+"))
    if (parts.size != 3 || parts.any { it.isEmpty() || !it.all(Char::isDigit) || it.length > 4 }) return null
    val (year, month, day) = if (parts[0].length == 4) Triple(parts[0], parts[1], parts[2]) else Triple(parts[2], parts[1], parts[0])
    if (year.length != 4 || month.length > 2 || day.length > 2) return null
    return try {
        LocalDate.of(year.toInt(), month.toInt(), day.toInt())
    } catch (e: DateTimeException) {
        null
    }
}

/** The same reasons as `dates set` gives, in the reader's language. */
fun problemText(strings: Strings, problem: DateProblem, country: String): String = when (problem) {
    is DateProblem.NotADate -> strings[S.DATE_NOT_A_DATE, "text" to problem.text(), "example" to "05.12.2026"]
    is DateProblem.TooEarly -> strings[S.DATE_TOO_EARLY, "date" to strings.wholeDate(problem.day()), "earliest" to strings.wholeDate(problem.earliest())]
    is DateProblem.InTheFuture -> strings[S.DATE_IN_FUTURE, "date" to strings.wholeDate(problem.day()), "today" to strings.wholeDate(problem.today()), "country" to country]
    is DateProblem.NoSuchPerson -> problem.describe()
}

/**
 * Stateful entry of one day: the field is focused on open, Enter saves, Esc (the app's back) cancels. A bad day or
 * a write the storage refuses is said in words and changes nothing; what was typed stays in the field.
 */
@Composable
fun DateEntryScreen(controller: AppController, country: String, language: Language, event: DateEvent) {
    val services = controller.services
    val person by services.userData.currentPerson.collectAsState()
    val scope = rememberCoroutineScope()
    var state by remember(event, country) {
        mutableStateOf(
            DateEntryState(event, countryName(services.content, country, language), services.dates.today(country), text = ""),
        )
    }
    LaunchedEffect(event, person) {
        val known = withContext(services.background) {
            services.dates.entered(person.id()).firstOrNull { it.countryCode() == country && it.event() == event }?.day()
        }
        if (known != null && state.text.isEmpty()) state = state.copy(text = TYPED_DAY.format(known))
    }
    fun save(text: String) {
        if (state.saving) return
        val strings = controller.strings
        val day = parseTypedDay(text)
        val problem = if (day == null) DateProblem.NotADate(text) else services.dates.check(country, event, day)
        if (problem != null) {
            state = state.copy(text = text, problem = problemText(strings, problem, state.countryName))
            return
        }
        state = state.copy(text = text, problem = null, saving = true)
        scope.launch {
            val refused = withContext(services.background) {
                try {
                    services.dates.set(person.id(), country, event, day!!)
                    null
                } catch (e: StoreException) {
                    strings[S.NOT_SAVED, "reason" to storeProblemText(strings, e.problem())]
                } catch (e: IllegalArgumentException) {
                    e.message ?: e.toString()
                }
            }
            if (refused == null) {
                controller.say(strings[S.DATE_SAVED, "event" to eventName(strings, event), "date" to strings.wholeDate(day!!)])
                controller.handle(Back)
            } else {
                state = state.copy(problem = refused, saving = false)
            }
        }
    }
    DateEntryContent(state) { action ->
        when (action) {
            is DateEntryAction.Type -> state = state.copy(text = action.text, problem = null)
            DateEntryAction.Today -> save(TYPED_DAY.format(state.today))
            DateEntryAction.Yesterday -> save(TYPED_DAY.format(state.today.minusDays(1)))
            DateEntryAction.Save -> save(state.text)
            else -> controller.handle(action)
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
fun DateEntryContent(state: DateEntryState, autoFocus: Boolean = true, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val focus = remember { FocusRequester() }
    GuideScreenFrame(eventName(strings, state.event), onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        Column(
            Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(screenPadding()).testTag("date-entry"),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            Text(
                strings[if (state.event == DateEvent.PASSPORT_EXPIRY) S.DATE_ENTRY_QUESTION_EXPIRY else S.DATE_ENTRY_QUESTION,
                    "event" to eventName(strings, state.event), "country" to state.countryName],
                style = MaterialTheme.typography.titleMedium,
            )
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                if (state.event != DateEvent.PASSPORT_EXPIRY) {
                    PrimaryAction(
                        strings[S.DATE_TODAY, "date" to strings.wholeDate(state.today)],
                        onClick = { onAction(DateEntryAction.Today) },
                        enabled = !state.saving,
                        modifier = Modifier.testTag("date-today"),
                    )
                    PrimaryAction(
                        strings[S.DATE_YESTERDAY, "date" to strings.wholeDate(state.today.minusDays(1))],
                        onClick = { onAction(DateEntryAction.Yesterday) },
                        enabled = !state.saving,
                        modifier = Modifier.testTag("date-yesterday"),
                    )
                }
            }
            OutlinedTextField(
                value = state.text,
                onValueChange = { if (it.length <= 16) onAction(DateEntryAction.Type(it)) },
                label = { Text(strings[S.DATE_FIELD]) },
                placeholder = { Text(TYPED_DAY.format(state.today)) },
                supportingText = { Text(strings[S.DATE_FIELD_HINT, "example" to TYPED_DAY.format(state.today)]) },
                isError = state.problem != null,
                singleLine = true,
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
                textStyle = MaterialTheme.typography.titleLarge,
                modifier = Modifier.fillMaxWidth().focusRequester(focus).testTag("date-field").onPreviewKeyEvent {
                    if (it.type == KeyEventType.KeyDown && (it.key == Key.Enter || it.key == Key.NumPadEnter)) {
                        onAction(DateEntryAction.Save)
                        true
                    } else {
                        false
                    }
                },
            )
            state.problem?.let { problem ->
                Text(
                    problem,
                    style = MaterialTheme.typography.bodyLarge,
                    color = MaterialTheme.colorScheme.error,
                    modifier = Modifier.testTag("date-problem").semantics { liveRegion = LiveRegionMode.Assertive },
                )
            }
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                PrimaryAction(strings[S.SAVE], onClick = { onAction(DateEntryAction.Save) }, enabled = !state.saving, modifier = Modifier.testTag("date-save"))
                SecondaryAction(strings[S.CANCEL], onClick = { onAction(Back) }, modifier = Modifier.testTag("date-cancel"))
            }
            Text(strings[S.DATES_STAY_HERE], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
    }
    // After the app has focused the screen itself (GuideApp does so on every move): the field takes it.
    if (autoFocus) {
        LaunchedEffect(Unit) {
            withFrameNanos { }
            focus.requestFocus()
        }
    }
}

package tj.migrantsguide.app.feature.ask

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.automirrored.filled.Send
import androidx.compose.material.icons.filled.Check
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.FilterChipDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusDirection
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.isShiftPressed
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.onPreviewKeyEvent
import androidx.compose.ui.input.key.type
import androidx.compose.ui.platform.LocalFocusManager
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.designsystem.EmergencyLines
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.LocalGuideColors
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.SectionTitle
import tj.migrantsguide.app.designsystem.controlScale
import tj.migrantsguide.app.designsystem.focusRing
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.model.emergencyContacts
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.navigation.storeProblemText
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language
import tj.migrantsguide.outbox.SaveResult
import tj.migrantsguide.questions.FieldProblem
import tj.migrantsguide.questions.QuestionField
import tj.migrantsguide.questions.QuestionLimits
import tj.migrantsguide.questions.Topic

/** "Always in Touch": the question form. */
data class AskState(
    val language: Language,
    val countryName: String,
    val draft: QuestionForm,
    /**
     * The problems to show under each field. Before the first press of Send only those that typing more cannot
     * fix (too long, a forbidden character), so that an empty form does not open covered in red.
     */
    val problems: Map<QuestionField, FieldProblem>,
    /** The emergency lines, right at the form: this is not an emergency service. */
    val emergency: List<Contact>,
    /** How many questions the person has, and how many new answers wait among them. */
    val questionCount: Int,
    val newAnswers: Int,
    /** True while Send is saving, so that a double press saves once. */
    val saving: Boolean = false,
)

sealed interface AskAction : UiAction {
    data class Edit(val draft: QuestionForm) : AskAction
    data object Send : AskAction
}

/** Problems that are worth showing while the person is still typing. */
private fun shownWhileTyping(problem: FieldProblem): Boolean =
    problem is FieldProblem.TooLong || problem is FieldProblem.ForbiddenCharacter

@Composable
fun AskScreen(controller: AppController, country: String, language: Language, prefill: QuestionForm?) {
    val services = controller.services
    val outbox = services.outbox
    LaunchedEffect(prefill) {
        if (prefill != null) controller.askDraft = prefill
        else if (controller.askDraft.country.isEmpty()) controller.askDraft = controller.askDraft.copy(country = country)
    }
    val scope = rememberCoroutineScope()
    var sendPressed by remember { mutableStateOf(false) }
    var saving by remember { mutableStateOf(false) }
    val questions by outbox.questions.collectAsState()
    val newAnswers by outbox.newAnswers.collectAsState()
    val loaded by produceState<Pair<String, List<Contact>>?>(null, country, language) {
        value = withContext(services.background) {
            val name = services.content.countries().firstOrNull { it.code() == country }?.name(language) ?: country
            name to emergencyContacts(services.content, country, language)
        }
    }
    val draft = controller.askDraft
    val problems = checkDraft(draft, language).filterValues { sendPressed || shownWhileTyping(it) }
    val state = AskState(
        language = language,
        countryName = loaded?.first ?: country,
        draft = draft,
        problems = problems,
        emergency = loaded?.second.orEmpty(),
        questionCount = questions.size,
        newAnswers = newAnswers,
        saving = saving,
    )
    AskContent(state) { action ->
        when (action) {
            is AskAction.Edit -> controller.askDraft = action.draft
            AskAction.Send -> if (!saving) {
                sendPressed = true
                val sent = controller.askDraft
                saving = true
                scope.launch {
                    // Saving writes to the database: off the UI thread. The sender then sends in the background.
                    val result = try {
                        withContext(services.background) { outbox.save(sent, language) }
                    } catch (e: tj.migrantsguide.store.StoreException) {
                        // Read-only, full or gone storage: nothing was saved, the draft stays, the person is told why.
                        controller.say(controller.strings[S.NOT_SAVED, "reason" to storeProblemText(controller.strings, e.problem())])
                        null
                    } finally {
                        saving = false
                    }
                    if (result is SaveResult.Saved) {
                        sendPressed = false
                        if (controller.askDraft == sent) controller.askDraft = QuestionForm(country = country)
                        controller.say(controller.strings[S.ASK_SAVED])
                        controller.navigator.replaceTop(Destination.MyQuestions)
                    }
                }
            }
            else -> controller.handle(action)
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
fun AskContent(state: AskState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    val draft = state.draft
    GuideScreenFrame(strings[S.ASK], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LazyColumn(
            Modifier.fillMaxSize().testTag("ask"),
            contentPadding = screenPadding(),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { Text(strings[S.ASK_INTRO], style = MaterialTheme.typography.bodyLarge) }
            if (state.questionCount > 0) {
                item {
                    SecondaryAction(
                        myQuestionsLabel(strings, state.newAnswers),
                        onClick = { onAction(Open(Destination.MyQuestions)) },
                        icon = Icons.AutoMirrored.Filled.List,
                        modifier = Modifier.testTag("open-my-questions"),
                    )
                }
            }
            item {
                GuideCard(container = MaterialTheme.colorScheme.errorContainer, modifier = Modifier.testTag("not-emergency")) {
                    Text(strings[S.ASK_NOT_EMERGENCY], style = MaterialTheme.typography.bodyLarge)
                    EmergencyLines(state.emergency, onAction)
                }
            }
            item { SectionTitle(strings[S.ASK_TOPIC]) }
            item {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    for (topic in Topic.entries) {
                        val selected = draft.topic == topic
                        FilterChip(
                            selected = selected,
                            onClick = { onAction(AskAction.Edit(draft.copy(topic = topic))) },
                            label = { Text(topicName(strings, topic), style = MaterialTheme.typography.labelLarge) },
                            leadingIcon = if (selected) ({ Icon(Icons.Filled.Check, contentDescription = null) }) else null,
                            modifier = Modifier.defaultMinSize(minHeight = 44.dp).focusRing(RoundedCornerShape(8.dp)).testTag("topic:$topic"),
                            border = FilterChipDefaults.filterChipBorder(
                                enabled = true,
                                selected = selected,
                                borderWidth = maxOf(LocalGuideColors.current.borderWidth, 1.dp),
                            ),
                        )
                    }
                }
            }
            state.problems[QuestionField.TOPIC]?.let { item { ProblemText(problemText(strings, it), "problem:topic") } }
            item { Text(strings[S.ASK_COUNTRY, "country" to state.countryName], style = MaterialTheme.typography.bodyLarge) }
            val report = draft.report
            if (report != null && draft.topic == Topic.REPORT_A_PROBLEM) {
                // What the report names for the editors, so that the person knows what is sent with it.
                item {
                    Text(
                        strings[S.ASK_ABOUT, "name" to report.name, "number" to report.number],
                        style = MaterialTheme.typography.bodyLarge,
                        modifier = Modifier.testTag("report-about"),
                    )
                }
            }
            for (field in listOf(QuestionField.COUNTRY, QuestionField.LANGUAGE, QuestionField.ABOUT, QuestionField.NUMBER)) {
                state.problems[field]?.let { item { ProblemText(problemText(strings, it), "problem:${field.jsonName()}") } }
            }
            item {
                val problem = state.problems[QuestionField.MESSAGE]
                val used = draft.message.trim().let { it.codePointCount(0, it.length) }
                Column {
                    OutlinedTextField(
                        value = draft.message,
                        onValueChange = { onAction(AskAction.Edit(draft.copy(message = it))) },
                        label = { Text(strings[S.ASK_MESSAGE]) },
                        isError = problem != null,
                        minLines = 4,
                        textStyle = MaterialTheme.typography.bodyLarge,
                        // A multi-line field would keep Tab as a character: keyboard users could not leave it.
                        modifier = Modifier.fillMaxWidth().heightIn(min = 120.dp).tabMovesFocus().testTag("message")
                            .semantics { if (problem != null) error(problemText(strings, problem)) },
                    )
                    // The limits, as the person types: how much is written of how much may be, and the minimum.
                    Text(
                        strings[S.ASK_COUNTER, "used" to used, "max" to QuestionLimits.MESSAGE_MAX] +
                            if (used < QuestionLimits.MESSAGE_MIN) " · " + strings[S.ASK_MESSAGE_MIN, "min" to QuestionLimits.MESSAGE_MIN] else "",
                        style = MaterialTheme.typography.bodyMedium,
                        color = if (used > QuestionLimits.MESSAGE_MAX) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurfaceVariant,
                        modifier = Modifier.testTag("message-counter"),
                    )
                    if (problem != null) ProblemText(problemText(strings, problem), "problem:message")
                }
            }
            item {
                val problem = state.problems[QuestionField.CONTACT]
                Column {
                    OutlinedTextField(
                        value = draft.contact,
                        onValueChange = { onAction(AskAction.Edit(draft.copy(contact = it))) },
                        label = { Text(strings[S.ASK_CONTACT]) },
                        isError = problem != null,
                        singleLine = true,
                        textStyle = MaterialTheme.typography.bodyLarge,
                        modifier = Modifier.fillMaxWidth().testTag("contact-field")
                            .semantics { if (problem != null) error(problemText(strings, problem)) },
                    )
                    Text(
                        strings[S.ASK_CONTACT_NOTE],
                        style = MaterialTheme.typography.bodyMedium,
                        color = MaterialTheme.colorScheme.onSurfaceVariant,
                    )
                    if (problem != null) ProblemText(problemText(strings, problem), "problem:contact")
                }
            }
            if (draft.contact.isNotBlank()) {
                item {
                    val problem = state.problems[QuestionField.CONSENT]
                    Column {
                        Row(
                            Modifier.fillMaxWidth().focusRing(RoundedCornerShape(12.dp))
                                .toggleable(draft.consent, role = Role.Checkbox) { onAction(AskAction.Edit(draft.copy(consent = it))) }
                                .padding(8.dp)
                                .testTag("consent"),
                            verticalAlignment = Alignment.Top,
                        ) {
                            Checkbox(checked = draft.consent, onCheckedChange = null, modifier = Modifier.controlScale())
                            Spacer(Modifier.width(8.dp))
                            Text(strings[S.ASK_CONSENT], style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
                        }
                        if (problem != null) ProblemText(problemText(strings, problem), "problem:consent")
                    }
                }
            }
            item {
                PrimaryAction(
                    strings[S.ASK_SEND],
                    onClick = { onAction(AskAction.Send) },
                    icon = Icons.AutoMirrored.Filled.Send,
                    enabled = !state.saving,
                    modifier = Modifier.testTag("send"),
                )
            }
            item {
                Text(strings[S.ASK_SEND_NOTE], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
            }
        }
    }
}

/** Tab and Shift+Tab move to the next and previous control, also out of a multi-line text field. */
@Composable
private fun Modifier.tabMovesFocus(): Modifier {
    val focus = LocalFocusManager.current
    return onPreviewKeyEvent { event ->
        if (event.key == Key.Tab && event.type == KeyEventType.KeyDown) {
            focus.moveFocus(if (event.isShiftPressed) FocusDirection.Previous else FocusDirection.Next)
            true
        } else {
            event.key == Key.Tab
        }
    }
}

/** "My questions", with the number of new answers when there are any. */
fun myQuestionsLabel(strings: Strings, newAnswers: Int): String =
    if (newAnswers > 0) strings[S.MY_QUESTIONS] + " · " + strings.plural(P.NEW_ANSWERS, newAnswers) else strings[S.MY_QUESTIONS]

@Composable
internal fun ProblemText(text: String, tag: String) {
    Text(
        text,
        style = MaterialTheme.typography.bodyMedium,
        color = MaterialTheme.colorScheme.error,
        modifier = Modifier.padding(top = 4.dp).testTag(tag),
    )
}

fun topicName(strings: Strings, topic: Topic): String = when (topic) {
    Topic.DOCUMENTS -> strings[S.TOPIC_DOCUMENTS]
    Topic.WORK_AND_PAY -> strings[S.TOPIC_WORK_AND_PAY]
    Topic.REGISTRATION -> strings[S.TOPIC_REGISTRATION]
    Topic.HEALTH -> strings[S.TOPIC_HEALTH]
    Topic.FAMILY -> strings[S.TOPIC_FAMILY]
    Topic.RETURN -> strings[S.TOPIC_RETURN]
    Topic.REPORT_A_PROBLEM -> strings[S.TOPIC_REPORT]
}

/** Shared's [FieldProblem] in the person's language (its own message() is the English one for the server). */
fun problemText(strings: Strings, problem: FieldProblem): String = when (problem) {
    is FieldProblem.Missing -> when (problem.field()) {
        QuestionField.TOPIC -> strings[S.PROBLEM_TOPIC]
        QuestionField.COUNTRY -> strings[S.PROBLEM_COUNTRY]
        QuestionField.LANGUAGE, QuestionField.CONSENT, QuestionField.ABOUT, QuestionField.NUMBER -> strings[S.PROBLEM_CHOOSE]
        QuestionField.MESSAGE, QuestionField.CONTACT, null -> strings[S.PROBLEM_MESSAGE_EMPTY]
    }
    is FieldProblem.TooShort -> strings[S.PROBLEM_TOO_SHORT, "min" to problem.minimum(), "used" to problem.actual()]
    is FieldProblem.TooLong -> strings[S.PROBLEM_TOO_LONG, "max" to problem.maximum(), "used" to problem.actual()]
    is FieldProblem.ForbiddenCharacter -> strings[S.PROBLEM_CHARACTER, "position" to problem.position() + 1]
    is FieldProblem.UnknownValue -> when (problem.field()) {
        QuestionField.COUNTRY -> strings[S.PROBLEM_COUNTRY]
        else -> strings[S.PROBLEM_CHOOSE]
    }
    is FieldProblem.NotAPhoneOrEmail -> strings[S.PROBLEM_CONTACT]
    is FieldProblem.ConsentMissing -> strings[S.PROBLEM_CONSENT]
    else -> problem.message()
}

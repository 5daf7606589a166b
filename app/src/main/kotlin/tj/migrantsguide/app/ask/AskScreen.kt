package tj.migrantsguide.app.ask

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.defaultMinSize
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Check
import androidx.compose.material.icons.automirrored.filled.Send
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.FilterChipDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import kotlinx.coroutines.launch
import androidx.compose.runtime.setValue
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.error
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.contacts.EmergencyLines
import tj.migrantsguide.app.data.FieldProblem
import tj.migrantsguide.app.data.MyQuestion
import tj.migrantsguide.app.data.QuestionDraft
import tj.migrantsguide.app.data.QuestionField
import tj.migrantsguide.app.data.QuestionLimits
import tj.migrantsguide.app.data.QuestionState
import tj.migrantsguide.app.data.QuestionTopic
import tj.migrantsguide.app.data.SubmitResult
import tj.migrantsguide.app.home.emergencyContacts
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.ui.AppController
import tj.migrantsguide.app.ui.Back
import tj.migrantsguide.app.ui.Emergency
import tj.migrantsguide.app.ui.EmptyNote
import tj.migrantsguide.app.ui.GuideCard
import tj.migrantsguide.app.ui.GuideScreenFrame
import tj.migrantsguide.app.ui.LocalGuideColors
import tj.migrantsguide.app.ui.PrimaryAction
import tj.migrantsguide.app.ui.SectionTitle
import tj.migrantsguide.app.ui.UiAction
import tj.migrantsguide.app.ui.controlScale
import tj.migrantsguide.app.ui.screenPadding
import tj.migrantsguide.app.ui.WarningNote
import tj.migrantsguide.app.ui.focusRing
import tj.migrantsguide.guide.Contact
import tj.migrantsguide.guide.Language

/** "Always in Touch": the question form and the person's questions. */
data class AskState(
    val language: Language,
    val countryName: String,
    val draft: QuestionDraft,
    val limits: QuestionLimits,
    /** Shown after a send attempt, so that an empty form does not open covered in red. */
    val problems: Map<QuestionField, FieldProblem>,
    val canSend: Boolean,
    /** What happened on the last press of Send. */
    val outcome: AskOutcome?,
    /** The emergency lines, right at the form: this is not an emergency service. */
    val emergency: List<Contact>,
    val myQuestions: List<MyQuestion>,
)

enum class AskOutcome { SAVED, SENDING_NOT_AVAILABLE }

sealed interface AskAction : UiAction {
    data class Edit(val draft: QuestionDraft) : AskAction
    data object Send : AskAction
}

@Composable
fun AskScreen(controller: AppController, country: String, language: Language, prefill: QuestionDraft?) {
    val services = controller.services
    val outbox = services.outbox
    LaunchedEffect(prefill) {
        if (prefill != null) controller.askDraft = prefill
        else if (controller.askDraft.country.isEmpty()) controller.askDraft = controller.askDraft.copy(country = country)
    }
    val scope = rememberCoroutineScope()
    var showProblems by remember { mutableStateOf(false) }
    var outcome by remember { mutableStateOf<AskOutcome?>(null) }
    val questions by outbox.myQuestions.collectAsState()
    val loaded by produceState<Pair<String, List<Contact>>?>(null, country, language) {
        value = withContext(services.background) {
            val name = services.content.countries().firstOrNull { it.code() == country }?.name(language) ?: country
            name to emergencyContacts(services.content, country, language)
        }
    }
    val draft = controller.askDraft
    val state = AskState(
        language = language,
        countryName = loaded?.first ?: country,
        draft = draft,
        limits = outbox.limits,
        problems = if (showProblems) outbox.check(draft) else emptyMap(),
        canSend = outbox.canSend,
        outcome = outcome,
        emergency = loaded?.second.orEmpty(),
        myQuestions = questions,
    )
    AskContent(state) { action ->
        when (action) {
            is AskAction.Edit -> {
                controller.askDraft = action.draft
                outcome = null
            }
            AskAction.Send -> {
                showProblems = true
                val sent = controller.askDraft
                scope.launch {
                    // Saving a question writes to the database: off the UI thread.
                    when (withContext(services.background) { outbox.submit(sent) }) {
                        is SubmitResult.Invalid -> outcome = null
                        is SubmitResult.Saved -> {
                            outcome = AskOutcome.SAVED
                            showProblems = false
                            if (controller.askDraft == sent) controller.askDraft = QuestionDraft(country = country)
                        }
                        SubmitResult.SendingNotAvailable -> outcome = AskOutcome.SENDING_NOT_AVAILABLE
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
            item {
                GuideCard(container = MaterialTheme.colorScheme.errorContainer) {
                    Text(strings[S.ASK_NOT_EMERGENCY], style = MaterialTheme.typography.bodyLarge)
                    EmergencyLines(state.emergency, onAction)
                }
            }
            item { SectionTitle(strings[S.ASK_TOPIC]) }
            item {
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    for (topic in QuestionTopic.entries) {
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
            state.problems[QuestionField.TOPIC]?.let { item { ProblemText(problemText(strings, QuestionField.TOPIC, it)) } }
            item { Text(strings[S.ASK_COUNTRY, "country" to state.countryName], style = MaterialTheme.typography.bodyLarge) }
            item {
                val problem = state.problems[QuestionField.MESSAGE]
                Column {
                    OutlinedTextField(
                        value = draft.message,
                        onValueChange = { onAction(AskAction.Edit(draft.copy(message = it))) },
                        label = { Text(strings[S.ASK_MESSAGE]) },
                        isError = problem != null,
                        minLines = 4,
                        textStyle = MaterialTheme.typography.bodyLarge,
                        modifier = Modifier.fillMaxWidth().heightIn(min = 120.dp).testTag("message")
                            .semantics { if (problem != null) error(problemText(strings, QuestionField.MESSAGE, problem)) },
                    )
                    Text(
                        strings[S.ASK_COUNTER, "used" to draft.message.trim().length, "max" to state.limits.messageMax],
                        style = MaterialTheme.typography.bodyMedium,
                        color = MaterialTheme.colorScheme.onSurfaceVariant,
                    )
                    if (problem != null) ProblemText(problemText(strings, QuestionField.MESSAGE, problem))
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
                        modifier = Modifier.fillMaxWidth().testTag("contact-field"),
                    )
                    if (problem != null) ProblemText(problemText(strings, QuestionField.CONTACT, problem))
                }
            }
            if (draft.contact.isNotBlank()) {
                item {
                    val problem = state.problems[QuestionField.CONSENT]
                    Column {
                        Row(
                            Modifier.fillMaxWidth().focusRing(RoundedCornerShape(12.dp))
                                .toggleable(draft.consent, role = Role.Checkbox) { onAction(AskAction.Edit(draft.copy(consent = it))) }
                                .padding(8.dp),
                            verticalAlignment = Alignment.Top,
                        ) {
                            Checkbox(checked = draft.consent, onCheckedChange = null, modifier = Modifier.controlScale())
                            Spacer(Modifier.width(8.dp))
                            Text(strings[S.ASK_CONSENT], style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
                        }
                        if (problem != null) ProblemText(problemText(strings, QuestionField.CONSENT, problem))
                    }
                }
            }
            item { PrimaryAction(strings[S.ASK_SEND], onClick = { onAction(AskAction.Send) }, icon = Icons.AutoMirrored.Filled.Send, modifier = Modifier.testTag("send")) }
            when (state.outcome) {
                AskOutcome.SENDING_NOT_AVAILABLE -> item { WarningNote(strings[S.ASK_SENDING_LATER]) }
                AskOutcome.SAVED -> item { Text(strings[S.ASK_SAVED], style = MaterialTheme.typography.bodyLarge) }
                null -> if (!state.canSend) item {
                    Text(strings[S.ASK_SENDING_LATER_SHORT], style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
                }
            }
            item { SectionTitle(strings[S.MY_QUESTIONS]) }
            if (state.myQuestions.isEmpty()) item { EmptyNote(strings[S.MY_QUESTIONS_EMPTY]) }
            items(state.myQuestions, key = { "question:${it.id}" }) { question -> QuestionCard(question) }
        }
    }
}

@Composable
private fun QuestionCard(question: MyQuestion) {
    val strings = LocalStrings.current
    GuideCard {
        Text(topicName(strings, question.topic), style = MaterialTheme.typography.titleMedium)
        Text(question.message, style = MaterialTheme.typography.bodyLarge)
        val state = question.state
        Text(
            when (state) {
                QuestionState.Waiting -> strings[S.QUESTION_WAITING]
                QuestionState.Sent -> strings[S.QUESTION_SENT]
                is QuestionState.Answered -> if (state.seen) strings[S.QUESTION_ANSWERED] else strings[S.QUESTION_NEW_ANSWER]
                is QuestionState.Failed -> strings[S.QUESTION_FAILED, "reason" to state.reason]
            },
            style = MaterialTheme.typography.labelLarge,
            color = MaterialTheme.colorScheme.primary,
        )
        if (state is QuestionState.Answered) Text(state.answer, style = MaterialTheme.typography.bodyLarge)
    }
}

@Composable
private fun ProblemText(text: String) {
    Text(text, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(top = 4.dp))
}

fun topicName(strings: Strings, topic: QuestionTopic): String = when (topic) {
    QuestionTopic.DOCUMENTS -> strings[S.TOPIC_DOCUMENTS]
    QuestionTopic.WORK_AND_PAY -> strings[S.TOPIC_WORK_AND_PAY]
    QuestionTopic.REGISTRATION -> strings[S.TOPIC_REGISTRATION]
    QuestionTopic.HEALTH -> strings[S.TOPIC_HEALTH]
    QuestionTopic.FAMILY -> strings[S.TOPIC_FAMILY]
    QuestionTopic.RETURN -> strings[S.TOPIC_RETURN]
    QuestionTopic.REPORT_A_PROBLEM -> strings[S.TOPIC_REPORT]
}

fun problemText(strings: Strings, field: QuestionField, problem: FieldProblem): String = when (problem) {
    FieldProblem.Missing -> when (field) {
        QuestionField.TOPIC -> strings[S.PROBLEM_TOPIC]
        else -> strings[S.PROBLEM_MESSAGE_EMPTY]
    }
    is FieldProblem.TooShort -> strings[S.PROBLEM_TOO_SHORT, "min" to problem.min]
    is FieldProblem.TooLong -> strings[S.PROBLEM_TOO_LONG, "max" to problem.max, "used" to problem.length]
    FieldProblem.NotPhoneOrEmail -> strings[S.PROBLEM_CONTACT]
    FieldProblem.ConsentNeeded -> strings[S.PROBLEM_CONSENT]
}

package tj.migrantsguide.app.feature.ask

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Delete
import androidx.compose.material.icons.filled.Refresh
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.data.OutboxActivity
import tj.migrantsguide.app.designsystem.EmptyNote
import tj.migrantsguide.app.designsystem.GuideCard
import tj.migrantsguide.app.designsystem.GuideScreenFrame
import tj.migrantsguide.app.designsystem.PrimaryAction
import tj.migrantsguide.app.designsystem.QuietAction
import tj.migrantsguide.app.designsystem.SecondaryAction
import tj.migrantsguide.app.designsystem.WarningNote
import tj.migrantsguide.app.designsystem.screenPadding
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.Back
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Emergency
import tj.migrantsguide.app.navigation.Open
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.LocalStrings
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.outbox.MyQuestion
import tj.migrantsguide.outbox.OutboxProblem
import tj.migrantsguide.questions.QuestionState

/** "My questions": what the person asked, where each question is, and the answers. */
data class MyQuestionsState(
    val language: Language,
    val questions: List<MyQuestion>,
    val activity: OutboxActivity,
    /** Country names by code, for the cards. */
    val countryNames: Map<String, String>,
    /** The time zone the person's times are shown in. */
    val zone: ZoneId,
)

sealed interface MyQuestionsAction : UiAction {
    /** Send what waits now and read answers ("Check for answers"). */
    data object Refresh : MyQuestionsAction
    data class Delete(val id: Long) : MyQuestionsAction
    data class Retry(val id: Long) : MyQuestionsAction
}

@Composable
fun MyQuestionsScreen(controller: AppController, language: Language) {
    val services = controller.services
    val outbox = services.outbox
    val questions by outbox.questions.collectAsState()
    val activity by outbox.activity.collectAsState()
    val names by produceState(emptyMap<String, String>(), language) {
        value = withContext(services.background) { services.content.countries().associate { it.code() to it.name(language) } }
    }
    // The new-answer marker stays while the person is here to see it, and goes when they leave.
    val shownNew = remember { mutableSetOf<Long>() }
    questions.filter { it.newAnswer() }.forEach { shownNew += it.id() }
    DisposableEffect(Unit) {
        onDispose {
            val seen = shownNew.toList()
            if (seen.isNotEmpty()) controller.save { outbox.markSeen(seen) }
        }
    }
    val state = MyQuestionsState(language, questions, activity, names, ZoneId.systemDefault())
    MyQuestionsContent(state) { action ->
        when (action) {
            MyQuestionsAction.Refresh -> outbox.wake(everything = true)
            is MyQuestionsAction.Delete -> controller.save {
                if (outbox.delete(action.id)) controller.say(controller.strings[S.QUESTION_DELETED])
            }
            is MyQuestionsAction.Retry -> controller.save { outbox.retry(action.id) }
            else -> controller.handle(action)
        }
    }
}

@Composable
fun MyQuestionsContent(state: MyQuestionsState, onAction: (UiAction) -> Unit) {
    val strings = LocalStrings.current
    var deleting by remember { mutableStateOf<MyQuestion?>(null) }
    GuideScreenFrame(strings[S.MY_QUESTIONS], onBack = { onAction(Back) }, onEmergency = { onAction(Emergency) }) {
        LazyColumn(
            Modifier.fillMaxSize().testTag("my-questions"),
            contentPadding = screenPadding(),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item { ActivityLine(state.activity, state.zone) }
            item {
                @OptIn(ExperimentalLayoutApi::class)
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    SecondaryAction(
                        strings[S.QUESTIONS_REFRESH],
                        onClick = { onAction(MyQuestionsAction.Refresh) },
                        icon = Icons.Filled.Refresh,
                        enabled = !state.activity.working,
                        modifier = Modifier.testTag("refresh-questions"),
                    )
                    SecondaryAction(
                        strings[S.ASK_NEW],
                        onClick = { onAction(Open(Destination.Ask())) },
                        icon = Icons.Filled.Add,
                        modifier = Modifier.testTag("new-question"),
                    )
                }
            }
            if (state.questions.isEmpty()) item { EmptyNote(strings[S.MY_QUESTIONS_EMPTY]) }
            items(state.questions, key = { "question:${it.id()}" }) { question ->
                QuestionCard(question, state, onAction, onDelete = { deleting = question })
            }
        }
    }
    deleting?.let { question ->
        AlertDialog(
            onDismissRequest = { deleting = null },
            title = { Text(strings[S.QUESTION_DELETE_TITLE]) },
            text = { Text(strings[S.QUESTION_DELETE_TEXT], style = MaterialTheme.typography.bodyLarge) },
            confirmButton = {
                PrimaryAction(
                    strings[S.QUESTION_DELETE],
                    onClick = {
                        deleting = null
                        onAction(MyQuestionsAction.Delete(question.id()))
                    },
                    modifier = Modifier.testTag("confirm-delete"),
                )
            },
            dismissButton = { QuietAction(strings[S.CANCEL], onClick = { deleting = null }, modifier = Modifier.testTag("cancel-delete")) },
            modifier = Modifier.testTag("delete-dialog"),
        )
    }
}

/** What the sender is doing or what last went wrong, in words; nothing when all is well and quiet. */
@Composable
private fun ActivityLine(activity: OutboxActivity, zone: ZoneId) {
    val strings = LocalStrings.current
    Column(Modifier.testTag("questions-activity"), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        when {
            activity.working -> {
                Text(strings[S.QUESTIONS_WORKING], style = MaterialTheme.typography.bodyMedium)
                LinearProgressIndicator(Modifier.padding(top = 2.dp))
            }
            activity.lastProblem is OutboxProblem.Offline -> WarningNote(strings[S.QUESTIONS_OFFLINE])
            activity.lastProblem is OutboxProblem.ServerBusy -> WarningNote(strings[S.QUESTIONS_BUSY])
            activity.lastProblem != null -> WarningNote(strings[S.QUESTIONS_TROUBLE, "detail" to activity.lastProblem.describe()])
            activity.lastRoundAt != null -> Text(
                strings[S.QUESTIONS_CHECKED, "time" to dateTime(strings, activity.lastRoundAt, zone)],
                style = MaterialTheme.typography.bodyMedium,
                color = MaterialTheme.colorScheme.onSurfaceVariant,
            )
        }
    }
}

@Composable
private fun QuestionCard(question: MyQuestion, state: MyQuestionsState, onAction: (UiAction) -> Unit, onDelete: () -> Unit) {
    val strings = LocalStrings.current
    val id = question.id()
    GuideCard(modifier = Modifier.testTag("question:$id")) {
        Text(
            topicName(strings, question.topic()) + " · " + (state.countryNames[question.country()] ?: question.country()),
            style = MaterialTheme.typography.titleMedium,
        )
        Text(
            strings[S.QUESTION_ASKED, "date" to dateTime(strings, question.askedAt(), state.zone)],
            style = MaterialTheme.typography.bodyMedium,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
        )
        Text(question.message(), style = MaterialTheme.typography.bodyLarge)
        StateLine(question, state.zone)
        val answer = question.answer().orElse(null)
        if (answer != null) {
            Surface(
                shape = RoundedCornerShape(12.dp),
                color = MaterialTheme.colorScheme.secondaryContainer,
                contentColor = MaterialTheme.colorScheme.onSecondaryContainer,
                modifier = Modifier.testTag("answer:$id"),
            ) {
                Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(
                        strings[S.QUESTION_ANSWER, "date" to dateTime(strings, answer.answeredAt(), state.zone)],
                        style = MaterialTheme.typography.labelLarge,
                        modifier = Modifier.semantics { heading() },
                    )
                    Text(answer.text(), style = MaterialTheme.typography.bodyLarge)
                }
            }
        }
        @OptIn(ExperimentalLayoutApi::class)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            if (question.state() == QuestionState.FAILED) {
                SecondaryAction(strings[S.QUESTION_RETRY], onClick = { onAction(MyQuestionsAction.Retry(id)) }, modifier = Modifier.testTag("retry:$id"))
            }
            QuietAction(strings[S.QUESTION_DELETE], onClick = onDelete, icon = Icons.Filled.Delete, modifier = Modifier.testTag("delete:$id"))
        }
    }
}

/** Where the question is, in words; a new answer is marked so that it stands out in the list. */
@Composable
private fun StateLine(question: MyQuestion, zone: ZoneId) {
    val strings = LocalStrings.current
    val id = question.id()
    if (question.newAnswer()) {
        Surface(
            shape = RoundedCornerShape(50),
            color = MaterialTheme.colorScheme.primary,
            contentColor = MaterialTheme.colorScheme.onPrimary,
            modifier = Modifier.testTag("new-answer:$id"),
        ) {
            Text(
                strings[S.QUESTION_NEW_ANSWER],
                style = MaterialTheme.typography.labelLarge,
                fontWeight = FontWeight.Bold,
                modifier = Modifier.padding(horizontal = 12.dp, vertical = 4.dp),
            )
        }
        return
    }
    val text = when (question.state()) {
        QuestionState.WAITING -> {
            val why = question.waitingBecause().map { if (it.startsWith("no connection")) strings[S.QUESTION_NO_CONNECTION] else strings[S.QUESTION_SERVER_BUSY] }
            val next = question.nextAttemptAt().filter { question.attempts() > 0 }
                .map { strings[S.QUESTION_WAITING_UNTIL, "time" to dateTime(strings, it, zone)] }
            listOfNotNull(next.orElse(strings[S.QUESTION_WAITING]), why.orElse(null)).joinToString(" ")
        }
        QuestionState.SENT -> strings[S.QUESTION_SENT]
        QuestionState.ANSWERED -> strings[S.QUESTION_ANSWERED]
        QuestionState.FAILED -> strings[S.QUESTION_FAILED, "reason" to question.failure().map { it.reason() }.orElse("")]
        null -> ""
    }
    Text(
        text,
        style = MaterialTheme.typography.labelLarge,
        color = if (question.state() == QuestionState.FAILED) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.primary,
        modifier = Modifier.testTag("state:$id"),
    )
}

private val TIME = DateTimeFormatter.ofPattern("HH:mm")

fun dateTime(strings: Strings, instant: Instant, zone: ZoneId): String {
    val at = instant.atZone(zone)
    return strings.date(at.toLocalDate()) + " " + TIME.format(at)
}

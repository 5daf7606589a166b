package tj.migrantsguide.app.data

import java.time.Instant
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** "Always in Touch": questions to the Ministry, kept on the device until they are sent. */
interface QuestionsOutbox {
    val limits: QuestionLimits

    /** Problems with a draft, per field; empty when it can be sent. */
    fun check(draft: QuestionDraft): Map<QuestionField, FieldProblem>

    /** False while this build cannot send; the form then says so and keeps the text on screen. */
    val canSend: Boolean

    /** Saves the question on the device (it is sent when a connection exists); blocking. */
    fun submit(draft: QuestionDraft): SubmitResult

    /** The person's questions, newest first. */
    val myQuestions: StateFlow<List<MyQuestion>>
}

enum class QuestionTopic { DOCUMENTS, WORK_AND_PAY, REGISTRATION, HEALTH, FAMILY, RETURN, REPORT_A_PROBLEM }

enum class QuestionField { TOPIC, MESSAGE, CONTACT, CONSENT }

data class QuestionDraft(
    val topic: QuestionTopic? = null,
    val country: String = "",
    val message: String = "",
    /** A phone number or e-mail for the answer; optional. */
    val contact: String = "",
    val consent: Boolean = false,
)

data class QuestionLimits(val messageMin: Int, val messageMax: Int, val contactMax: Int)

sealed interface FieldProblem {
    data object Missing : FieldProblem
    data class TooShort(val min: Int) : FieldProblem
    data class TooLong(val max: Int, val length: Int) : FieldProblem
    data object NotPhoneOrEmail : FieldProblem
    data object ConsentNeeded : FieldProblem
}

sealed interface SubmitResult {
    data class Saved(val question: MyQuestion) : SubmitResult
    data class Invalid(val problems: Map<QuestionField, FieldProblem>) : SubmitResult
    data object SendingNotAvailable : SubmitResult
}

data class MyQuestion(
    val id: String,
    val topic: QuestionTopic,
    val country: String,
    val message: String,
    val createdAt: Instant,
    val state: QuestionState,
)

sealed interface QuestionState {
    data object Waiting : QuestionState
    data object Sent : QuestionState
    data class Answered(val answer: String, val answeredAt: Instant, val seen: Boolean) : QuestionState
    data class Failed(val reason: String) : QuestionState
}

/**
 * This version's [QuestionsOutbox]: the form checks what people write, but sending arrives with the outbox work,
 * so [submit] saves nothing and says so. No pretend "sent" state, no invented answers.
 */
class OutboxNotYetAvailable(
    override val limits: QuestionLimits = QuestionLimits(messageMin = 10, messageMax = 2000, contactMax = 100),
) : QuestionsOutbox {
    private val questions = MutableStateFlow<List<MyQuestion>>(emptyList())
    override val myQuestions: StateFlow<List<MyQuestion>> = questions.asStateFlow()
    override val canSend = false

    override fun check(draft: QuestionDraft): Map<QuestionField, FieldProblem> = checkDraft(draft, limits)

    override fun submit(draft: QuestionDraft): SubmitResult {
        val problems = check(draft)
        return if (problems.isNotEmpty()) SubmitResult.Invalid(problems) else SubmitResult.SendingNotAvailable
    }
}

/** The form's rules, shared by every outbox: topic chosen, message length, optional contact with consent. */
fun checkDraft(draft: QuestionDraft, limits: QuestionLimits): Map<QuestionField, FieldProblem> {
    val problems = LinkedHashMap<QuestionField, FieldProblem>()
    if (draft.topic == null) problems[QuestionField.TOPIC] = FieldProblem.Missing
    val message = draft.message.trim()
    when {
        message.isEmpty() -> problems[QuestionField.MESSAGE] = FieldProblem.Missing
        message.codePointCount(0, message.length) < limits.messageMin ->
            problems[QuestionField.MESSAGE] = FieldProblem.TooShort(limits.messageMin)
        message.codePointCount(0, message.length) > limits.messageMax ->
            problems[QuestionField.MESSAGE] = FieldProblem.TooLong(limits.messageMax, message.codePointCount(0, message.length))
    }
    val contact = draft.contact.trim()
    if (contact.isNotEmpty()) {
        when {
            contact.length > limits.contactMax -> problems[QuestionField.CONTACT] = FieldProblem.TooLong(limits.contactMax, contact.length)
            !isPhoneOrEmail(contact) -> problems[QuestionField.CONTACT] = FieldProblem.NotPhoneOrEmail
            !draft.consent -> problems[QuestionField.CONSENT] = FieldProblem.ConsentNeeded
        }
    }
    return problems
}

private val EMAIL = Regex("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
private val PHONE = Regex("\\+?[0-9][0-9 ()\\-]{5,}[0-9]")

internal fun isPhoneOrEmail(text: String): Boolean =
    EMAIL.matches(text) || (PHONE.matches(text) && text.count { it.isDigit() } in 6..15)

package tj.migrantsguide.app.data

import java.time.Instant
import kotlinx.coroutines.flow.StateFlow
import tj.migrantsguide.guide.Language
import tj.migrantsguide.outbox.MyQuestion
import tj.migrantsguide.outbox.OutboxProblem
import tj.migrantsguide.outbox.SaveResult
import tj.migrantsguide.questions.QuestionDraft
import tj.migrantsguide.questions.ReportedContact
import tj.migrantsguide.questions.Topic


/**
 * What the Ask form holds while the person types: the topic as chosen (an enum), no language (a question is written
 * in the language the app is in, and the answer is asked for in it too). [toOutboxDraft] gives shared's
 * [QuestionDraft], the same question as a submission (codes and text exactly as typed), which `QuestionRules`
 * checks on the device and again on the server.
 */
data class QuestionForm(
    val topic: Topic? = null,
    val country: String = "",
    val message: String = "",
    /** A phone number or e-mail for the answer; optional. */
    val contact: String = "",
    val consent: Boolean = false,
    /** Set by a contact card's "This number does not work": what the report is about; sent only as a report. */
    val report: ReportedNumber? = null,
) {
    fun toOutboxDraft(language: Language): QuestionDraft {
        val draft = QuestionDraft(topic?.code() ?: "", country, language.code(), message, contact, consent)
        // The person may have chosen another topic since: then it is a question, about no item.
        return if (report != null && topic == Topic.REPORT_A_PROBLEM) draft.reporting(report.contact.code(), report.number) else draft
    }
}

/**
 * The contact a "this number does not work" report is about, as the card showed it: the item's id (sent, so that
 * the desk groups the reports for editors), its name and the number tried (shown on the form: "About: …").
 */
data class ReportedNumber(val contact: ReportedContact, val name: String, val number: String)

/**
 * "Always in Touch" as the screens use it: the person's questions and answers, and the writes they can make. The
 * Ask feature's sender (`feature.ask.QuestionsOutbox`) is the one implementation; the blocking calls are for a
 * background dispatcher.
 */
interface Questions {
    /** "My questions", newest first. */
    val questions: StateFlow<List<MyQuestion>>

    /** Answers the person has not seen yet: the marker in the list and the badge on the home screen. */
    val newAnswers: StateFlow<Int>

    val activity: StateFlow<OutboxActivity>

    /** Saves the question on the device and wakes the sender. Blocking (a database write). */
    fun save(draft: QuestionForm, language: Language): SaveResult

    /** Deletes the question here now and on the server when it can. Blocking. */
    fun delete(id: Long): Boolean

    /** The person has seen these answers: the marker goes. Blocking. */
    fun markSeen(ids: Collection<Long>)

    /** Puts a question the server refused back in the queue (same key, same text) and sends it. Blocking. */
    fun retry(id: Long): Boolean

    /** Asks the sender for a round soon; [everything] sends every waiting question whatever its retry wait. */
    fun wake(everything: Boolean = false)
}

/**
 * What the background sender is doing, for "My questions".
 *
 * @property working a round (sending, reading answers) is running now
 * @property lastProblem what did not work in the last round, null when it all worked
 * @property lastRoundAt when the last round ended
 */
data class OutboxActivity(
    val working: Boolean = false,
    val lastProblem: OutboxProblem? = null,
    val lastRoundAt: Instant? = null,
)

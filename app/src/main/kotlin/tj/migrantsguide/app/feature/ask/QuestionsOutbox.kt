package tj.migrantsguide.app.feature.ask

import java.net.NetworkInterface
import java.net.SocketException
import java.net.URI
import java.nio.file.Path
import java.security.SecureRandom
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.util.random.RandomGenerator
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.withTimeoutOrNull
import tj.migrantsguide.app.data.OutboxActivity
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.data.Questions
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.guide.Language
import tj.migrantsguide.outbox.MyQuestion
import tj.migrantsguide.outbox.Outbox
import tj.migrantsguide.outbox.OutboxProblem
import tj.migrantsguide.outbox.RetryPolicy
import tj.migrantsguide.outbox.SaveResult
import tj.migrantsguide.outbox.SyncReport
import tj.migrantsguide.questions.FieldProblem
import tj.migrantsguide.questions.QuestionDraft
import tj.migrantsguide.questions.QuestionField
import tj.migrantsguide.questions.QuestionState
import tj.migrantsguide.questions.Topic
import tj.migrantsguide.questions.Validation
import tj.migrantsguide.store.QuestionStore
import tj.migrantsguide.transport.HttpTransport

/** The form's problems, one per field at most, in the form's order; empty when the question can be saved. */
fun checkDraft(draft: QuestionForm, language: Language): Map<QuestionField, FieldProblem> =
    when (val validation = Outbox.check(draft.toOutboxDraft(language))) {
        is Validation.Valid -> emptyMap()
        is Validation.Invalid -> validation.problems().associateBy { it.field() }
    }

/**
 * "Always in Touch" for the screens: shared's [Outbox] over the data folder's user file, with a sender that runs in
 * the background. A question is saved first ([save], in the device database, with its random idempotency key) and
 * sent by the sender: at start, right after saving, when the network comes back (a feed sync that worked, or the
 * computer's network interfaces changing) and when the outbox's backoff says the next try is due. Answers are read
 * in the same rounds, on "Check for answers", and every [RetryPolicy.ANSWER_POLL] while a sent question waits for one.
 *
 * The store opens on first use (off the UI thread), so that the window's start does not wait for it. The blocking
 * methods are for a background dispatcher; [questions], [newAnswers] and [activity] are for the screens.
 *
 * @param server the inbox a new question goes to (`…/` under which `v1/questions` lives)
 * @param network what the computer's network looks like now; a change while questions wait wakes the sender
 * @param networkCheck how often [network] is looked at while questions wait for a connection
 */
class QuestionsOutbox(
    private val dataDirectory: Path,
    private val transport: HttpTransport,
    val server: URI,
    private val clock: Clock,
    private val random: RandomGenerator = SecureRandom(),
    private val network: () -> Set<String> = ::networkAddresses,
    private val networkCheck: Duration = RetryPolicy.NETWORK_CHECK,
) : Questions, AutoCloseable {
    private var openStore: QuestionStore? = null
    private val outbox: Outbox by lazy { Outbox(store(), transport, clock, random) }
    private val wakeups = Channel<Wake>(Channel.CONFLATED)

    private val mutableQuestions = MutableStateFlow<List<MyQuestion>>(emptyList())
    private val mutableNewAnswers = MutableStateFlow(0)
    private val mutableActivity = MutableStateFlow(OutboxActivity())

    /** "My questions", newest first. Empty until the first [reload] (the sender does one at start). */
    override val questions: StateFlow<List<MyQuestion>> = mutableQuestions.asStateFlow()

    /** Answers the person has not seen yet: the marker in the list and the badge on the home screen. */
    override val newAnswers: StateFlow<Int> = mutableNewAnswers.asStateFlow()

    override val activity: StateFlow<OutboxActivity> = mutableActivity.asStateFlow()

    /** Saves the question on the device and wakes the sender. Blocking (a database write). */
    override fun save(draft: QuestionForm, language: Language): SaveResult {
        val result = outbox.save(draft.toOutboxDraft(language), server)
        if (result is SaveResult.Saved) {
            reload()
            wake()
        }
        return result
    }

    /**
     * Deletes the question from the device now; the sender then asks the server to delete its copy (at once if it
     * can, else in a later round: the deletion is remembered in the database). Blocking.
     */
    override fun delete(id: Long): Boolean = outbox.delete(id).also {
        reload()
        if (it) wake()
    }

    /** The person has seen these answers: the marker goes. Blocking. */
    override fun markSeen(ids: Collection<Long>) {
        var changed = false
        for (id in ids) changed = outbox.markAnswerSeen(id) || changed
        if (changed) reload()
    }

    /** Puts a question the server refused back in the queue (same key, same text) and sends it. Blocking. */
    override fun retry(id: Long): Boolean = outbox.retry(id).also {
        reload()
        if (it) wake(everything = true)
    }

    /** Reads "My questions" and the new-answer count from the database. Blocking. */
    fun reload() {
        mutableQuestions.value = outbox.questions()
        mutableNewAnswers.value = outbox.newAnswers()
    }

    /**
     * Asks the sender for a round soon. [everything] sends every waiting question whatever its retry wait (the
     * person asked, or the network just came back); otherwise only what is due, and answers are read.
     */
    override fun wake(everything: Boolean) {
        wakeups.trySend(Wake(everything))
    }

    /**
     * One round now, on the caller's thread: send (what is due, or [everything]), read answers, finish deletions.
     * The sender calls this; tests call it directly instead of waiting for the sender.
     */
    fun runRound(everything: Boolean = false): SyncReport {
        mutableActivity.update { it.copy(working = true) }
        val report = try {
            if (everything) outbox.syncNow() else outbox.sync()
        } finally {
            mutableActivity.update { it.copy(working = false) }
        }
        reload()
        mutableActivity.value = OutboxActivity(false, report.problems().firstOrNull(), clock.instant())
        return report
    }

    /**
     * Starts the sender in [scope] and returns its job (cancel it to stop). Waits between rounds for a wake-up or
     * the next due time; never spins: with nothing waiting and nothing to read, it sleeps until woken.
     */
    fun start(scope: CoroutineScope): Job = scope.launch(Dispatchers.IO) {
        reload()
        var everything = false
        var lastNetwork = network()
        while (isActive) {
            try {
                runRound(everything)
            } catch (e: RuntimeException) {
                // A database error must not end the sender for the rest of the session; it tries again later.
                mutableActivity.value = OutboxActivity(false, null, clock.instant())
                System.err.println("questions: a sending round failed: $e")
            }
            everything = false
            var woken: Wake? = null
            while (woken == null && isActive) {
                val wait = nextWait(clock.instant(), outbox.nextAttemptAt().orElse(null), networkCheck.takeIf { waitingOffline() }, nextAnswerPoll())
                woken = if (wait == null) wakeups.receive() else withTimeoutOrNull(wait.toMillis().coerceAtLeast(1)) { wakeups.receive() }
                if (woken == null) {
                    val now = network()
                    if (now != lastNetwork && now.isNotEmpty()) {
                        // The network came back (or changed): what waits for a connection goes now, not at its
                        // next backoff step.
                        woken = Wake(everything = true)
                    } else if (isDue()) {
                        woken = Wake(everything = false)
                    }
                    lastNetwork = now
                }
            }
            everything = woken?.everything ?: false
        }
    }

    private fun isDue(): Boolean {
        val now = clock.instant()
        return outbox.nextAttemptAt().map { !it.isAfter(now) }.orElse(false) ||
            nextAnswerPoll()?.let { !it.isAfter(now) } ?: false
    }

    private fun waitingOffline(): Boolean = questions.value.any { it.state() == QuestionState.WAITING && it.attempts() > 0 }

    /** When to read answers again: while a sent question has none, [RetryPolicy.ANSWER_POLL] after the last round. */
    private fun nextAnswerPoll(): Instant? {
        if (questions.value.none { it.state() == QuestionState.SENT }) return null
        return (activity.value.lastRoundAt ?: clock.instant()).plus(RetryPolicy.ANSWER_POLL)
    }

    @Synchronized
    private fun store(): QuestionStore = openStore ?: QuestionStore.open(dataDirectory).also { openStore = it }

    @Synchronized
    override fun close() {
        wakeups.close()
        openStore?.close()
        openStore = null
    }

    private data class Wake(val everything: Boolean)

    companion object {
        /**
         * How long the sender sleeps before looking again; null to sleep until woken. The earliest of: the next
         * due send, the [networkCheck] (given while questions wait for a connection), the next reading of answers.
         */
        fun nextWait(now: Instant, nextAttempt: Instant?, networkCheck: Duration?, nextAnswerPoll: Instant?): Duration? {
            val waits = listOfNotNull(
                nextAttempt?.let { Duration.between(now, it).coerceAtLeast(Duration.ZERO) },
                networkCheck,
                nextAnswerPoll?.let { Duration.between(now, it).coerceAtLeast(Duration.ZERO) },
            )
            return waits.minOrNull()
        }

        /** The addresses of the interfaces that are up, not loopback: empty means no network at all. */
        fun networkAddresses(): Set<String> = try {
            NetworkInterface.networkInterfaces()
                .filter { it.isUp && !it.isLoopback }
                .flatMap { it.inetAddresses() }
                .map { it.hostAddress }
                .toList()
                .toSet()
        } catch (e: SocketException) {
            emptySet()
        }
    }
}

/**
 * Where new questions go: [AppFeed.questionsUrl] (the environment variable, else the build's `questions-url` in
 * `feed.properties`), else the reference server on this computer (`guide-content.jar serve`, README "Demo:
 * Always in Touch").
 */
object AppQuestions {
    const val URL_ENVIRONMENT_VARIABLE = AppFeed.QUESTIONS_URL_ENVIRONMENT_VARIABLE
    const val DEVELOPMENT_URL = "http://127.0.0.1:8080/"

    fun serverUrl(environment: Map<String, String> = System.getenv()): URI =
        AppFeed.questionsUrl(environment) ?: URI.create(DEVELOPMENT_URL)
}

package tj.migrantsguide.app.feature.ask

import java.net.URI
import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.util.SplittableRandom
import java.util.concurrent.atomic.AtomicReference
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.QuestionForm
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.guide.Language
import tj.migrantsguide.outbox.SaveResult
import tj.migrantsguide.questions.FieldProblem
import tj.migrantsguide.questions.QuestionField
import tj.migrantsguide.questions.QuestionLimits
import tj.migrantsguide.questions.QuestionState
import tj.migrantsguide.questions.Topic

/**
 * The app's outbox and its background sender over a real SQLite file, the Ktor transport and a real HTTP server on
 * loopback. The sender's loop runs for real here; the waits are bounded only so that a broken sender fails instead
 * of hanging (no timing is asserted).
 */
class QuestionsOutboxTest {
    private val draft = QuestionForm(Topic.WORK_AND_PAY, "RU", "My employer has not paid me for two months.")

    @Test
    fun `the form's problems come from shared's rules, one per field`() {
        val empty = checkDraft(QuestionForm(country = "RU"), Language.TAJIK)
        assertTrue(empty[QuestionField.TOPIC] is FieldProblem.Missing)
        assertTrue(empty[QuestionField.MESSAGE] is FieldProblem.Missing)
        assertEquals(emptyMap(), checkDraft(draft, Language.TAJIK))
        val long = checkDraft(draft.copy(message = "ж".repeat(QuestionLimits.MESSAGE_MAX + 1)), Language.RUSSIAN)
        assertEquals(QuestionLimits.MESSAGE_MAX + 1, (long[QuestionField.MESSAGE] as FieldProblem.TooLong).actual())
        assertTrue(checkDraft(draft.copy(contact = "call me"), Language.ENGLISH)[QuestionField.CONTACT] is FieldProblem.NotAPhoneOrEmail)
        assertTrue(checkDraft(draft.copy(contact = "+992 37 000 00 00"), Language.ENGLISH)[QuestionField.CONSENT] is FieldProblem.ConsentMissing)
        assertEquals(emptyMap(), checkDraft(draft.copy(contact = "+992 37 000 00 00", consent = true), Language.ENGLISH))
    }

    @Test
    fun `the sender sleeps until woken when nothing waits and wakes for what is due, the network and answers`() {
        val now = Instant.parse("2026-03-01T10:00:00Z")
        assertNull(QuestionsOutbox.nextWait(now, null, null, null))
        assertEquals(Duration.ZERO, QuestionsOutbox.nextWait(now, now.minusSeconds(5), null, null))
        assertEquals(Duration.ofMinutes(10), QuestionsOutbox.nextWait(now, now.plus(Duration.ofMinutes(10)), null, null))
        assertEquals(Duration.ofSeconds(30), QuestionsOutbox.nextWait(now, now.plus(Duration.ofHours(1)), Duration.ofSeconds(30), null))
        assertEquals(Duration.ofMinutes(15), QuestionsOutbox.nextWait(now, null, null, now.plus(Duration.ofMinutes(15))))
    }

    @Test
    fun `a question written while the server is down is sent when the network comes back, not an hour later`(@TempDir dir: Path) {
        QuestionsApiDouble().use { server ->
            server.down = true
            // The server asks for an hour; the network coming back must not wait for that.
            server.retryAfterSeconds = 3600
            val network = AtomicReference(setOf("192.0.2.10"))
            KtorTransport().use { transport ->
                QuestionsOutbox(dir, transport, server.url, Clock.systemUTC(), SplittableRandom(1), { network.get() }, Duration.ofMillis(50)).use { outbox ->
                    val job = SupervisorJob()
                    outbox.start(CoroutineScope(job + Dispatchers.IO))
                    runBlocking {
                        val saved = outbox.save(draft, Language.RUSSIAN) as SaveResult.Saved
                        withTimeout(60_000) {
                            outbox.questions.first { list -> list.any { it.id() == saved.question().id() && it.attempts() > 0 } }
                        }
                        assertEquals(QuestionState.WAITING, outbox.questions.value.single().state())
                        server.down = false
                        network.set(setOf("198.51.100.7"))
                        withTimeout(60_000) { outbox.questions.first { list -> list.single().state() == QuestionState.SENT } }
                        job.cancelAndJoin()
                    }
                }
            }
            assertEquals(1, server.received().size)
        }
    }

    @Test
    fun `answers come back to the device that asked, with the new-answer count, and deleting asks the server too`(@TempDir dir: Path) {
        QuestionsApiDouble().use { server ->
            KtorTransport().use { transport ->
                QuestionsOutbox(dir, transport, server.url, Clock.systemUTC(), SplittableRandom(2)).use { outbox ->
                    val id = (outbox.save(draft, Language.TAJIK) as SaveResult.Saved).question().id()
                    outbox.runRound()
                    assertEquals(QuestionState.SENT, outbox.questions.value.single().state())
                    val remote = server.received().single()
                    server.answer(remote.id, "Write to the labour inspection of your region.", Instant.parse("2026-01-02T00:00:00Z"))
                    outbox.runRound()
                    val answered = outbox.questions.value.single()
                    assertEquals(QuestionState.ANSWERED, answered.state())
                    assertTrue(answered.newAnswer())
                    assertEquals(1, outbox.newAnswers.value)
                    outbox.markSeen(listOf(id))
                    assertEquals(0, outbox.newAnswers.value)
                    assertTrue(outbox.delete(id))
                    assertTrue(outbox.questions.value.isEmpty())
                    outbox.runRound()
                    assertEquals(listOf(remote.id), server.deleted.toList())
                }
            }
            // Another install (another token) never sees it.
            KtorTransport().use { transport ->
                QuestionsOutbox(dir.resolve("other"), transport, server.url, Clock.systemUTC(), SplittableRandom(3)).use { other ->
                    other.save(draft, Language.TAJIK)
                    other.runRound()
                    assertEquals(1, other.questions.value.size)
                    assertEquals(QuestionState.SENT, other.questions.value.single().state())
                }
            }
        }
    }

    @Test
    fun `the questions server comes from the environment, else the development address`() {
        assertEquals(URI.create("https://inbox.example/"), AppQuestions.serverUrl(mapOf("MIGRANTS_GUIDE_QUESTIONS_URL" to "https://inbox.example/")))
        assertEquals(URI.create("http://127.0.0.1:8080/"), AppQuestions.serverUrl(emptyMap()))
    }
}

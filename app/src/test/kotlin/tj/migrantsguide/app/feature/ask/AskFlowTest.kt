package tj.migrantsguide.app.feature.ask

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.hasAnyDescendant
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Path
import java.time.Instant
import java.util.SplittableRandom
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.app.offlineOutbox
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.press
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.startIn
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.tabTo
import tj.migrantsguide.app.testClock
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.questions.QuestionLimits
import tj.migrantsguide.questions.QuestionState

/**
 * "Always in Touch" through the real app over the real embedded content: the form, My questions, the badge, the
 * "this number does not work" report. Sending is real (a real SQLite outbox, the Ktor transport, an HTTP server on
 * loopback); the test runs the sender's rounds itself ([QuestionsOutbox.runRound]) instead of waiting for it.
 */
@OptIn(ExperimentalTestApi::class)
class AskFlowTest {
    private val tg = Strings.of(Language.TAJIK)
    private val ru = Strings.of(Language.RUSSIAN)


    private fun ComposeUiTest.openForm() {
        onNodeWithTag("home").performScrollToNode(hasTestTag("tile:ask"))
        onNodeWithTag("tile:ask").performClick()
        onNodeWithTag("ask").assertExists()
    }

    private fun ComposeUiTest.write(message: String) {
        onNodeWithTag("topic:WORK_AND_PAY").performClick()
        onNodeWithTag("ask").performScrollToNode(hasTestTag("message"))
        onNodeWithTag("message").performTextInput(message)
        onNodeWithTag("ask").performScrollToNode(hasTestTag("send"))
        onNodeWithTag("send").performClick()
        waitForIdle()
    }

    private fun serverOutbox(dir: Path, server: QuestionsApiDouble, transport: KtorTransport) =
        QuestionsOutbox(dir, transport, server.url, testClock, SplittableRandom(7))

    @Test
    fun `a question written with no server is kept as waiting, listed in My questions, and still there after a restart`(@TempDir dir: Path) {
        val message = "Корфармо ду моҳ аст, ки музди меҳнатро намедиҳад. Чӣ кор кунам?"
        openEmbeddedGuide(dir).use { guide ->
            offlineOutbox(dir).use { outbox ->
                runComposeUiTest {
                    setContent { GuideApp(storeServices(guide, dir, outbox = outbox)) }
                    startIn(Language.TAJIK)
                    openForm()
                    // The note that this is not an emergency service, with the country's numbers right there.
                    onNodeWithTag("not-emergency").assert(hasAnyDescendant(hasText(tg[S.ASK_NOT_EMERGENCY])))
                    onNodeWithTag("not-emergency").assert(hasAnyDescendant(hasText("227-07-07-07", substring = true)))
                    write(message)
                    // Saved, and the person is taken to My questions.
                    onNodeWithTag("my-questions").assertExists()
                    onNodeWithText(message).assertExists()
                    onNodeWithText(tg[S.QUESTION_WAITING]).assertExists()
                    // A round with no server: still waiting, with the reason in words.
                    outbox.runRound()
                    waitForIdle()
                    onNodeWithText(tg[S.QUESTIONS_OFFLINE]).assertExists()
                    onNodeWithTag("state:1").assertTextContains(tg[S.QUESTION_NO_CONNECTION], substring = true)
                }
            }
            // A new app over the same data folder.
            offlineOutbox(dir).use { outbox ->
                outbox.reload()
                val kept = outbox.questions.value.single()
                assertEquals(message, kept.message())
                assertEquals(QuestionState.WAITING, kept.state())
                assertEquals(Language.TAJIK, kept.language())
                assertEquals("RU", kept.country())
            }
        }
    }

    @Test
    fun `with the server up the question is sent, the answer shows with a new-answer marker and a badge, and the marker goes once seen`(@TempDir dir: Path) {
        QuestionsApiDouble().use { server ->
            KtorTransport().use { transport ->
                openEmbeddedGuide(dir).use { guide ->
                    serverOutbox(dir, server, transport).use { outbox ->
                        runComposeUiTest {
                            setContent { GuideApp(storeServices(guide, dir, outbox = outbox)) }
                            startIn(Language.RUSSIAN)
                            openForm()
                            write("Работодатель не платит зарплату два месяца. Что делать?")
                            outbox.runRound()
                            waitForIdle()
                            onNodeWithTag("state:1").assertTextContains(ru[S.QUESTION_SENT])
                            press(Key.Escape)
                            onNodeWithTag("home").performScrollToNode(hasTestTag("tile:ask"))
                            onNodeWithTag("tile:ask-badge", useUnmergedTree = true).assertDoesNotExist()
                            // The desk answers; the next round brings the answer to this device.
                            server.answer(server.received().single().id, "Обратитесь в инспекцию труда.", Instant.parse("2026-01-02T09:00:00Z"))
                            outbox.runRound()
                            waitForIdle()
                            // Home shows the badge; the tile leads to the answers, marked as new.
                            onNodeWithTag("home").performScrollToNode(hasTestTag("tile:ask"))
                            onNodeWithTag("tile:ask-badge", useUnmergedTree = true).assert(hasAnyDescendant(hasText(ru.plural(P.NEW_ANSWERS, 1))))
                            onNodeWithTag("tile:ask").performClick()
                            onNodeWithTag("new-answer:1").assertExists()
                            onNodeWithTag("answer:1").assert(hasAnyDescendant(hasText("Обратитесь в инспекцию труда.")))
                            // Seen: leaving the list takes the marker and the badge away.
                            press(Key.Escape)
                            waitForIdle()
                            onNodeWithTag("home").performScrollToNode(hasTestTag("tile:ask"))
                            onNodeWithTag("tile:ask-badge", useUnmergedTree = true).assertDoesNotExist()
                            assertEquals(0, outbox.newAnswers.value)
                        }
                    }
                }
            }
            assertEquals(1, server.received().size)
        }
    }

    @Test
    fun `this number does not work opens the form prefilled, and the report is really saved and sent`(@TempDir dir: Path) {
        QuestionsApiDouble().use { server ->
            KtorTransport().use { transport ->
                openEmbeddedGuide(dir).use { guide ->
                    serverOutbox(dir, server, transport).use { outbox ->
                        runComposeUiTest {
                            setContent { GuideApp(storeServices(guide, dir, outbox = outbox)) }
                            startIn(Language.RUSSIAN)
                            onNodeWithTag("home").performScrollToNode(hasTestTag("tile:contacts"))
                            onNodeWithTag("tile:contacts").performClick()
                            onNodeWithTag("contacts").performScrollToNode(hasTestTag("report:trafficking-hotline-227-ru"))
                            onNodeWithTag("report:trafficking-hotline-227-ru").performClick()
                            onNodeWithTag("topic:REPORT_A_PROBLEM").assert(SemanticsMatcher.expectValue(SemanticsProperties.Selected, true))
                            // The form says what the report is about: the card's contact and the number tried.
                            onNodeWithTag("ask").performScrollToNode(hasTestTag("report-about"))
                            onNodeWithTag("report-about").assertTextEquals(
                                ru[S.ASK_ABOUT, "name" to "Горячая линия по борьбе с торговлей людьми (Таджикистан)", "number" to "227-07-07-07"])
                            onNodeWithTag("ask").performScrollToNode(hasTestTag("message"))
                            onNodeWithTag("message").assertTextContains("227-07-07-07", substring = true)
                            onNodeWithTag("ask").performScrollToNode(hasTestTag("send"))
                            onNodeWithTag("send").performClick()
                            waitForIdle()
                            onNodeWithTag("my-questions").assertExists()
                            outbox.runRound()
                            waitForIdle()
                            onNodeWithTag("state:1").assertTextContains(ru[S.QUESTION_SENT])
                        }
                    }
                }
            }
            val body = server.received().single().body
            assertTrue("\"topic\":\"report-a-problem\"" in body, body)
            assertTrue("227-07-07-07" in body, body)
            // The item, as in the content, so that the desk groups the reports of this number for editors.
            assertTrue(body.endsWith(",\"about\":\"contact/RU/trafficking-hotline-227-ru\",\"number\":\"227-07-07-07\"}"), body)
        }
    }

    @Test
    fun `deleting a question removes it here and asks the server to delete it too`(@TempDir dir: Path) {
        QuestionsApiDouble().use { server ->
            KtorTransport().use { transport ->
                openEmbeddedGuide(dir).use { guide ->
                    serverOutbox(dir, server, transport).use { outbox ->
                        runComposeUiTest {
                            setContent { GuideApp(storeServices(guide, dir, outbox = outbox)) }
                            startIn(Language.TAJIK)
                            openForm()
                            write("Шиносномаи ман гум шуд. Ба куҷо муроҷиат кунам?")
                            outbox.runRound()
                            waitForIdle()
                            onNodeWithTag("my-questions").performScrollToNode(hasTestTag("delete:1"))
                            onNodeWithTag("delete:1").performClick()
                            onNodeWithText(tg[S.QUESTION_DELETE_TEXT]).assertExists()
                            onNodeWithTag("confirm-delete").performClick()
                            waitForIdle()
                            onNodeWithTag("question:1").assertDoesNotExist()
                            onNodeWithText(tg[S.MY_QUESTIONS_EMPTY]).assertExists()
                            outbox.runRound()
                        }
                    }
                }
            }
            assertEquals(listOf("q1"), server.deleted.toList())
            assertTrue(server.received().isEmpty())
        }
    }

    @Test
    fun `each field says what is wrong in the person's language, too long at once and the rest after Send`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            offlineOutbox(dir).use { outbox ->
                runComposeUiTest {
                    setContent { GuideApp(storeServices(guide, dir, outbox = outbox)) }
                    startIn(Language.TAJIK)
                    openForm()
                    onNodeWithTag("problem:topic").assertDoesNotExist()
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("send"))
                    onNodeWithTag("send").performClick()
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("problem:topic"))
                    onNodeWithTag("problem:topic").assertTextContains(tg[S.PROBLEM_TOPIC])
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("problem:message"))
                    onNodeWithTag("problem:message").assertTextContains(tg[S.PROBLEM_MESSAGE_EMPTY])
                    onNodeWithTag("message").performTextInput("Салом")
                    onNodeWithTag("problem:message").assertTextContains(tg[S.PROBLEM_TOO_SHORT, "min" to QuestionLimits.MESSAGE_MIN])
                    // A contact needs a form a person can be reached at, and then consent.
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("contact-field"))
                    onNodeWithTag("contact-field").performTextInput("занг занед")
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("problem:contact"))
                    onNodeWithTag("problem:contact").assertTextContains(tg[S.PROBLEM_CONTACT])
                    assertTrue(outbox.questions.value.isEmpty())
                }
            }
        }
        // A message over the limit is marked while typing, before any Send.
        val dir2 = dir.resolve("second")
        openEmbeddedGuide(dir2).use { guide ->
            offlineOutbox(dir2).use { outbox ->
                runComposeUiTest {
                    setContent { GuideApp(storeServices(guide, dir2, outbox = outbox)) }
                    startIn(Language.RUSSIAN)
                    openForm()
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("message"))
                    onNodeWithTag("message").performTextInput("я".repeat(QuestionLimits.MESSAGE_MAX + 5))
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("problem:message"))
                    onNodeWithTag("problem:message").assertTextContains(
                        ru[S.PROBLEM_TOO_LONG, "max" to QuestionLimits.MESSAGE_MAX, "used" to QuestionLimits.MESSAGE_MAX + 5],
                    )
                }
            }
        }
    }

    @Test
    fun `the form and My questions work with the keyboard alone`(@TempDir dir: Path) {
        QuestionsApiDouble().use { server ->
            KtorTransport().use { transport ->
                openEmbeddedGuide(dir).use { guide ->
                    serverOutbox(dir, server, transport).use { outbox ->
                        runComposeUiTest {
                            setContent { GuideApp(storeServices(guide, dir, outbox = outbox)) }
                            startIn(Language.ENGLISH)
                            openForm()
                            tabTo("topic:HEALTH")
                            press(Key.Enter)
                            onNodeWithTag("topic:HEALTH").assert(SemanticsMatcher.expectValue(SemanticsProperties.Selected, true))
                            tabTo("message")
                            onNodeWithTag("message").performTextInput("Where can I see a doctor without insurance?")
                            tabTo("send")
                            press(Key.Enter)
                            onNodeWithTag("my-questions").assertExists()
                            outbox.runRound()
                            waitForIdle()
                            tabTo("refresh-questions")
                            tabTo("delete:1")
                            press(Key.Enter)
                            onNodeWithTag("delete-dialog").assertExists()
                            onNodeWithTag("cancel-delete").performClick()
                            onNodeWithTag("question:1").assertExists()
                        }
                    }
                }
            }
        }
    }
}

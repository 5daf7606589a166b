package tj.migrantsguide.app.shell

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.IdleSync
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.offlineOutbox
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.RecordingDevice
import tj.migrantsguide.app.startIn
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.testClock
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language
import tj.migrantsguide.reliability.Mounts
import tj.migrantsguide.store.StoreException
import kotlin.coroutines.EmptyCoroutineContext

/**
 * The window on storage that takes no writes (issue 18), over the real embedded guide in real SQLite files: what
 * the person sees is the refusal in their language, and nothing they typed is lost. A data folder deleted under the
 * running app (as a pulled stick or a cleaning tool does) refuses the next write as gone; a read-only mount at start
 * (a real bind mount: root ignores chmod) is told once, and the guide still reads.
 */
@OptIn(ExperimentalTestApi::class)
class StorageTroubleWindowTest {
    private val tg = Strings.of(Language.TAJIK)
    private val ru = Strings.of(Language.RUSSIAN)


    private fun deleteAll(folder: Path) {
        Files.walk(folder).use { files -> files.sorted(Comparator.reverseOrder()).forEach(Files::delete) }
    }

    @Test
    fun `a question sent after the data folder is gone is not saved, the person is told why, and the message stays in the form`(@TempDir temp: Path) {
        val data = temp.resolve("data")
        val message = "Корфармо ду моҳ аст, ки музди меҳнатро намедиҳад. Чӣ кор кунам?"
        openEmbeddedGuide(data).use { guide ->
            offlineOutbox(data).use { outbox ->
                outbox.reload() // the window's sender does this at start: the question store is open before the loss
                runComposeUiTest {
                    setContent { GuideApp(storeServices(guide, data, outbox = outbox)) }
                    startIn(Language.TAJIK)
                    onNodeWithTag("home").performScrollToNode(hasTestTag("tile:ask"))
                    onNodeWithTag("tile:ask").performClick()
                    onNodeWithTag("topic:WORK_AND_PAY").performClick()
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("message"))
                    onNodeWithTag("message").performTextInput(message)
                    deleteAll(data)
                    onNodeWithTag("ask").performScrollToNode(hasTestTag("send"))
                    onNodeWithTag("send").performClick()
                    waitForIdle()
                    val told = tg[S.NOT_SAVED, "reason" to tg[S.STORE_VANISHED]]
                    waitUntil(timeoutMillis = 5_000) { onAllNodesWithText(told).fetchSemanticsNodes().isNotEmpty() }
                    // Still on the form, with every word the person typed.
                    onNodeWithTag("ask").assertExists()
                    onNodeWithTag("message").assertTextContains(message)
                    assertTrue(outbox.questions.value.isEmpty(), "nothing was saved half-way")
                }
            }
        }
    }

    @Test
    fun `storage that is read-only at start is told once in the person's language, and the guide still reads`(@TempDir temp: Path) {
        assumeTrue(Mounts.available(), "mounting needs root (CI runs as root); skipped here")
        val data = temp.resolve("data")
        openEmbeddedGuide(data).use { guide -> StoreUserData(guide.store().user()).updateSettings { it.copy(language = Language.RUSSIAN, country = "RU") } }
        Mounts().use { mounts ->
            mounts.readOnly(data)
            openEmbeddedGuide(data).use { guide -> offlineOutbox(data).use { outbox ->
                val problem = storageProblemOf(guide)
                assertEquals(StoreException.Problem.READ_ONLY, problem)
                val services = GuideServices(
                    content = StoreGuideContent(guide.store()),
                    userData = StoreUserData(guide.store().user()),
                    search = StoreSearch(guide.store()),
                    sync = IdleSync(available = false),
                    outbox = outbox,
                    device = RecordingDevice(),
                    clock = testClock,
                    background = EmptyCoroutineContext,
                    dataDirectory = data,
                    storageProblem = problem,
                )
                runComposeUiTest {
                    setContent { GuideApp(services) }
                    onNodeWithTag("storage-problem").assertExists()
                    onNodeWithText(ru[S.STORE_CANNOT_SAVE_TEXT, "reason" to ru[S.STORE_READ_ONLY]]).assertExists()
                    onNodeWithTag("storage-ok").performClick()
                    waitForIdle()
                    onNodeWithTag("storage-problem").assertDoesNotExist()
                    // The guide reads: the home screen of Russia in Russian, from the settings saved before.
                    onNodeWithTag("home").assertExists()
                }
            } }
        }
    }
}

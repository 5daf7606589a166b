package tj.migrantsguide.app.shell

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Path
import kotlin.coroutines.CoroutineContext
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineDispatcher
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.RecordingDevice
import tj.migrantsguide.app.data.IdleSync
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.feature.home.PreparedHome
import tj.migrantsguide.app.feature.home.readHome
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.offlineOutbox
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.testClock
import tj.migrantsguide.guide.Language

/**
 * Issue 19: the window's first composition draws the home screen with content from what the opening thread read
 * before the window existed, without waiting for a read of its own. The screens' background here never runs, so
 * only a handed-over reading can put content on the screen.
 */
@OptIn(ExperimentalTestApi::class)
class PreparedStartTest {
    /** A dispatcher that takes work and never runs it: every read a screen starts stays unfinished. */
    private object NeverRuns : CoroutineDispatcher() {
        override fun dispatch(context: CoroutineContext, block: Runnable) {}
    }

    /** What the first composition showed: how often the country's name, and how often the content mark ran. */
    private data class FirstScreen(val country: String, val countryShown: Int, val contentMarks: Int)

    private fun firstScreen(prepare: Boolean, temp: Path): FirstScreen {
        val data = temp.resolve("data")
        return openEmbeddedGuide(data).use { guide ->
            offlineOutbox(data).use { outbox ->
                val userData = StoreUserData(guide.store().user())
                userData.updateSettings { it.copy(language = Language.TAJIK, country = "RU") }
                val content = StoreGuideContent(guide.store())
                val person = userData.currentPerson.value.id()
                val reading = readHome(content, "RU", Language.TAJIK, testClock, person)
                val prepared = PreparedStart(
                    content.revision.value,
                    content.countries(),
                    PreparedHome("RU", Language.TAJIK, person, content.revision.value, reading),
                )
                val services = GuideServices(
                    content = content,
                    userData = userData,
                    search = StoreSearch(guide.store()),
                    sync = IdleSync(available = false),
                    outbox = outbox,
                    device = RecordingDevice(),
                    clock = testClock,
                    background = NeverRuns,
                    dataDirectory = data,
                )
                var shown = 0
                var first: FirstScreen? = null
                runComposeUiTest {
                    setContent {
                        GuideApp(services, onContentShown = { shown++ }, prepared = if (prepare) prepared else null)
                    }
                    waitForIdle()
                    first = FirstScreen(reading.countryName, onAllNodesWithText(reading.countryName).fetchSemanticsNodes().size, shown)
                }
                checkNotNull(first)
            }
        }
    }

    @Test
    fun `the home screen read before the window opened is drawn at once, with its country and the content mark`(@TempDir temp: Path) {
        val first = firstScreen(prepare = true, temp)
        assertTrue(first.countryShown >= 1, "the country «${first.country}» is the home screen's title")
        assertEquals(1, first.contentMarks, "the first frame with content is reported once")
    }

    @Test
    fun `without a prepared reading the home screen waits for its own read`(@TempDir temp: Path) {
        val first = firstScreen(prepare = false, temp)
        assertEquals(0, first.countryShown, "no country title while the read has not run")
        assertEquals(0, first.contentMarks, "and no first frame with content")
    }
}

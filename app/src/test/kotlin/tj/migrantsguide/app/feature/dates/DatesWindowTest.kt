package tj.migrantsguide.app.feature.dates

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsFocused
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.press
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.tabTo
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.withUserData
import tj.migrantsguide.guide.DateEvent
import tj.migrantsguide.guide.Language

/** My dates in the real app over the built-in content, by keyboard alone. */
@OptIn(ExperimentalTestApi::class)
class DatesWindowTest {
    private val ru = Strings.of(Language.RUSSIAN)

    private fun chosen(dir: Path) {
        withUserData(dir) { data -> data.updateSettings { it.copy(language = Language.RUSSIAN, country = "RU") } }
    }

    @Test
    fun `a day typed by keyboard is saved with Enter, and the timeline then shows its deadline`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            val services = storeServices(guide, dir)
            val entry = services.dates.today("RU").minusDays(3)
            runComposeUiTest {
                setContent { GuideApp(services) }
                tabTo("tile:dates")
                press(Key.Enter)
                onNodeWithTag("dates-empty").assertExists()
                tabTo("enter:entry")
                press(Key.Enter)
                onNodeWithTag("date-field").assertIsFocused()
                onNodeWithTag("date-field").performTextInput(TYPED_DAY.format(entry.plusDays(10)))
                press(Key.Enter)
                // A day after today: said in words, nothing saved, the typing kept.
                onNodeWithTag("date-problem").assertTextContains(ru[S.DATE_IN_FUTURE,
                    "date" to ru.wholeDate(entry.plusDays(10)), "today" to ru.wholeDate(entry.plusDays(3)), "country" to "Россия"])
                assertTrue(services.dates.entered(1).isEmpty())
                onNodeWithTag("date-field").assertTextContains(TYPED_DAY.format(entry.plusDays(10)))
                onNodeWithTag("date-field").performTextReplacementByKeys(TYPED_DAY.format(entry))
                press(Key.Enter)
                waitUntil(timeoutMillis = 5_000) { onAllNodesWithTagExists("dates") }
                onNodeWithTag("dates").performScrollToNode(hasTestTag("timeline:register-stay-ru"))
                onNodeWithTag("timeline:register-stay-ru", useUnmergedTree = true).assertExists()
                onNodeWithTag("dates").performScrollToNode(hasTestTag("day-value:entry"))
                onNodeWithTag("day-value:entry", useUnmergedTree = true).assertTextContains(ru.wholeDate(entry))
            }
            assertEquals(listOf(entry), services.dates.entered(1).map { it.day() })
        }
    }

    @Test
    fun `Esc on the date entry goes back to the timeline and saves nothing`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            val services = storeServices(guide, dir)
            runComposeUiTest {
                setContent { GuideApp(services) }
                tabTo("tile:dates")
                press(Key.Enter)
                tabTo("enter:registration")
                press(Key.Enter)
                onNodeWithTag("date-field").assertIsFocused()
                onNodeWithTag("date-field").performTextInput(TYPED_DAY.format(services.dates.today("RU")))
                press(Key.Escape)
                onNodeWithTag("dates").assertExists()
                onNodeWithTag("date-entry").assertDoesNotExist()
            }
            assertTrue(services.dates.entered(1).isEmpty())
        }
    }

    @Test
    fun `a day saved after the data folder is gone is refused in words, and the typing stays`(@TempDir temp: Path) {
        val data = temp.resolve("data")
        chosen(data)
        openEmbeddedGuide(data).use { guide ->
            val services = storeServices(guide, data)
            val typed = TYPED_DAY.format(services.dates.today("RU").minusDays(3))
            runComposeUiTest {
                setContent { GuideApp(services) }
                tabTo("tile:dates")
                press(Key.Enter)
                tabTo("enter:entry")
                press(Key.Enter)
                onNodeWithTag("date-field").performTextInput(typed)
                java.nio.file.Files.walk(data).use { files -> files.sorted(Comparator.reverseOrder()).forEach(java.nio.file.Files::delete) }
                press(Key.Enter)
                waitUntil(timeoutMillis = 5_000) { onAllNodesWithTagExists("date-problem") }
                onNodeWithTag("date-problem").assertTextContains(ru[S.NOT_SAVED, "reason" to ru[S.STORE_VANISHED]])
                onNodeWithTag("date-entry").assertExists()
                onNodeWithTag("date-field").assertTextContains(typed)
            }
        }
    }

    @Test
    fun `Yesterday saves yesterday in one press`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            val services = storeServices(guide, dir)
            runComposeUiTest {
                setContent { GuideApp(services) }
                tabTo("tile:dates")
                press(Key.Enter)
                tabTo("enter:entry")
                press(Key.Enter)
                tabTo("date-yesterday")
                press(Key.Enter)
                waitUntil(timeoutMillis = 5_000) { onAllNodesWithTagExists("dates") }
            }
            assertEquals(listOf(services.dates.today("RU").minusDays(1)), services.dates.entered(1).map { it.day() })
            assertEquals(DateEvent.ENTRY, services.dates.entered(1).single().event())
        }
    }
}

@OptIn(ExperimentalTestApi::class)
private fun androidx.compose.ui.test.ComposeUiTest.onAllNodesWithTagExists(tag: String): Boolean =
    onAllNodes(hasTestTag(tag)).fetchSemanticsNodes().isNotEmpty()

/** Selects the field's text and types [text] over it, as a person with a keyboard would. */
@OptIn(ExperimentalTestApi::class)
private fun androidx.compose.ui.test.SemanticsNodeInteraction.performTextReplacementByKeys(text: String) {
    performTextClearance()
    performTextInput(text)
}

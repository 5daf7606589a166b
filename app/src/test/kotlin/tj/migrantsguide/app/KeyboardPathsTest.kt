package tj.migrantsguide.app

import androidx.compose.ui.graphics.toPixelMap
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onAllNodesWithText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performKeyInput
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.pressKey
import androidx.compose.ui.test.runComposeUiTest
import androidx.compose.ui.test.withKeyDown
import java.nio.file.Path
import java.util.Optional
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.GuideStore

/** The keyboard paths of issue 22, through the real app over the real content (headless). */
@OptIn(ExperimentalTestApi::class)
class KeyboardPathsTest {
    private val tg = Strings.of(Language.TAJIK)

    private fun chosen(dir: Path) = withUserData(dir) { data -> data.updateSettings { it.copy(language = Language.TAJIK, country = "RU") } }

    private fun ComposeUiTest.fieldText(): String =
        onNodeWithTag("search-field").fetchSemanticsNode().config.getOrNull(SemanticsProperties.EditableText)?.text.orEmpty()

    @Test
    fun `in the search field Tab leaves it, Down goes into the hits and Enter opens the first hit`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onRoot().performKeyInput { withKeyDown(Key.CtrlLeft) { pressKey(Key.F) } }
                waitForIdle()
                assertTrue(isFocused("search-field"))
                onNodeWithTag("search-field").performTextInput("2270707")
                searchSettled()
                press(Key.Tab)
                assertEquals("2270707", fieldText(), "Tab typed nothing")
                assertFalse(isFocused("search-field"), "Tab left the field")
                press(Key.Tab, shift = true)
                assertTrue(isFocused("search-field"), "Shift+Tab came back (focus: ${focusedTag()})")
                press(Key.DirectionDown)
                val first = focusedTag()
                assertTrue(first != null && first.startsWith("hit:"), "Down moved into the hits (focus: $first)")
                press(Key.DirectionDown)
                val second = focusedTag()
                assertTrue(second != null && second.startsWith("hit:") && second != first, "Down again: the next hit ($second)")
                press(Key.DirectionUp)
                press(Key.DirectionUp)
                assertTrue(isFocused("search-field"), "Up from the first hit returns to the field")
                press(Key.Enter)
                // The first hit (the one ↓ went to first) is open.
                onNodeWithTag("contact:" + first!!.substringAfterLast('/')).assertExists()
                press(Key.Escape)
                assertEquals("2270707", fieldText(), "Back returns to the results")
            }
        }
    }

    @Test
    fun `F1 on home opens the chosen country's emergency numbers with the first one on screen, from the search field too`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            val sos = tj.migrantsguide.app.model.loadContactsState(StoreGuideContent(guide.store()), "RU", Language.TAJIK, true, emptySet())
            val first = sos.groups.first().contacts.first().id()
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("emergency-card").assertExists()
                press(Key.F1)
                assertTrue(onAllNodesWithText(tg[S.EMERGENCY_NUMBERS]).fetchSemanticsNodes().isNotEmpty(), "the emergency numbers screen")
                onNodeWithTag("contact:$first").assertIsDisplayed()
                press(Key.Escape)
                onNodeWithTag("emergency-card").assertExists()
                // Typing in the search field: F1 types nothing and still opens them.
                onRoot().performKeyInput { withKeyDown(Key.CtrlLeft) { pressKey(Key.F) } }
                waitForIdle()
                assertTrue(isFocused("search-field"))
                press(Key.F1)
                onNodeWithTag("contact:$first").assertIsDisplayed()
                press(Key.Escape)
                assertEquals("", fieldText())
            }
        }
    }

    @Test
    fun `Enter pressed before the search answered opens its first hit once it does, and no nothing-found flashes before`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                mainClock.autoAdvance = false
                setContent { GuideApp(storeServices(guide, dir)) }
                mainClock.advanceTimeByFrame()
                onNodeWithTag("search-button").performClick()
                mainClock.advanceTimeByFrame()
                onNodeWithTag("search-field").performTextInput("2270707")
                mainClock.advanceTimeByFrame()
                assertTrue(onAllNodes(hasTestTag("no-results")).fetchSemanticsNodes().isEmpty(), "nothing-found before the search answered")
                onNodeWithTag("search-field").performKeyInput { pressKey(Key.Enter) }
                mainClock.autoAdvance = true
                waitForIdle()
                assertTrue(onAllNodes(hasTestTag("search-field")).fetchSemanticsNodes().isEmpty(), "the search screen was left")
                assertTrue(onAllNodes(hasTestTag("contact:trafficking-hotline-227-ru") or hasTestTag("contact:trafficking-hotline-227-tj")).fetchSemanticsNodes().isNotEmpty(), "a 227 hotline is open")
            }
        }
    }

    @Test
    fun `a link inside article text shows the focus colour when Tab reaches it`(@TempDir dir: Path) {
        fun article(id: String, title: String, body: String) = Article(
            // Checked: an unchecked article would put its "not confirmed" note and buttons before the text.
            id, "XA", Stage.ABROAD, Language.ENGLISH, title, body, listOf("a test fixture"), Optional.of(java.time.LocalDate.of(2026, 11, 23)), 0,
        )
        val content = FakeContent(
            listOf(FakeContent.TEST_COUNTRY),
            articles = listOf(article("first", "First article", "Read [[second]] next."), article("second", "Second article", "The end.")),
        )
        GuideStore.open(dir, testClock).use { store ->
            val userData = StoreUserData(store.user())
            userData.updateSettings { it.copy(language = Language.ENGLISH, country = "XA") }
            runComposeUiTest {
                setContent { GuideApp(testServices(content, dir, userData, StoreSearch(store))) }
                onNodeWithTag("stage:abroad").performClick()
                onNodeWithTag("open:article/XA/first").performClick()
                val paragraph = onNodeWithText("Read Second article next.")
                fun focusPixels(): Int = paragraph.captureToImage().toPixelMap().let { map ->
                    var n = 0
                    for (x in 0 until map.width) for (y in 0 until map.height) {
                        val c = map[x, y]
                        // The light theme's focus colour, 0xFF0B57D0.
                        if (kotlin.math.abs(c.red - 0x0B / 255f) < 0.05f && kotlin.math.abs(c.green - 0x57 / 255f) < 0.05f && kotlin.math.abs(c.blue - 0xD0 / 255f) < 0.05f) n++
                    }
                    n
                }
                val before = focusPixels()
                tabTo("bookmark")
                press(Key.Tab)
                val after = focusPixels()
                assertTrue(after > before + 100, "the focused link is drawn in the focus colour ($before → $after pixels)")
            }
        }
    }

    @Test
    fun `the add-person dialog has focus on open, Enter saves and Esc cancels without leaving the screen`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasText(tg[S.CHECKLISTS]))
                onNodeWithText(tg[S.CHECKLISTS]).performClick()
                onNodeWithTag("open:checklist/RU/before-you-leave-ru").performClick()
                onNodeWithTag("checklist").performScrollToNode(hasTestTag("person-add"))
                onNodeWithTag("person-add").performClick()
                waitForIdle()
                assertTrue(isFocused("person-name"), "the name field has focus (focus: ${focusedTag()})")
                onNodeWithTag("person-name").performKeyInput { pressKey(Key.Escape) }
                waitForIdle()
                assertTrue(onAllNodes(hasTestTag("person-name")).fetchSemanticsNodes().isEmpty(), "Esc closed the dialog")
                onNodeWithTag("checklist").assertExists()

                onNodeWithTag("person-add").performClick()
                waitForIdle()
                onNodeWithTag("person-name").performTextInput("Фаридун")
                onNodeWithTag("person-name").performKeyInput { pressKey(Key.Enter) }
                waitForIdle()
                assertTrue(onAllNodes(hasTestTag("person-name")).fetchSemanticsNodes().isEmpty(), "Enter saved and closed")
            }
        }
        val people = withUserData(dir) { it.people.value }
        assertEquals(listOf("Фаридун"), people.filter { it.hasName() }.map { it.name() })
    }

    @Test
    fun `Page Down, Page Up and the arrows scroll the list, and Back puts the focus where the person was`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                fun offset() = onNodeWithTag("home").fetchSemanticsNode().config[SemanticsProperties.VerticalScrollAxisRange].value()
                val top = offset()
                press(Key.PageDown)
                val paged = offset()
                assertTrue(paged > top + 200, "Page Down scrolled ($top → $paged)")
                press(Key.DirectionUp)
                assertTrue(offset() < paged, "Up scrolled back a little")
                press(Key.DirectionDown)
                press(Key.PageUp)
                assertEquals(top, offset(), "Page Up went back to the top")

                tabTo("tile:checklists")
                press(Key.Enter)
                onNodeWithTag("checklists").assertExists()
                press(Key.Escape)
                onNodeWithTag("home").assertExists()
                assertTrue(isFocused("tile:checklists"), "Back returned the focus to the tile (focus: ${focusedTag()})")
            }
        }
    }
}

package tj.migrantsguide.app

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.state.ToggleableState
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.assertIsFocused
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.onAllNodesWithText
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
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme

/** The main paths, walked through the real app over the real embedded content (headless). */
@OptIn(ExperimentalTestApi::class)
class AppFlowTest {
    private val tg = Strings.of(Language.TAJIK)
    private val ru = Strings.of(Language.RUSSIAN)

    private fun chosen(dir: Path, language: Language = Language.TAJIK) {
        withUserData(dir) { data -> data.updateSettings { it.copy(language = language, country = "RU") } }
    }

    @Test
    fun `first start asks for the language, then the country, and remembers both`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("pick-language").assertExists()
                onNodeWithTag("pick:ru").performClick()
                onNodeWithText(ru[S.CHOOSE_COUNTRY]).assertExists()
                onNodeWithTag("country:RU").performClick()
                onNodeWithText("Россия").assertIsDisplayed()
                onNodeWithTag("emergency-card").assertIsDisplayed()
                onNodeWithText("227-07-07-07").assertIsDisplayed()
            }
        }
        val settings = withUserData(dir) { it.settings.value }
        assertEquals(Language.RUSSIAN, settings.language)
        assertEquals("RU", settings.country)
    }

    @Test
    fun `a stage opens its articles and an article shows when it was checked and its sources`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasTestTag("stage:abroad"))
                onNodeWithTag("stage:abroad").performClick()
                onNodeWithTag("open:article/RU/registration-15-days").performClick()
                onNodeWithText("Дар давоми 15 рӯз ба қайди муҳоҷиратӣ гузошта шавед").assertIsDisplayed()
                // The source by name (issue 21: 004_48969e50023832c2.txt is this document), its line on demand.
                val named = "маълумоти иловагии Тоҷикистон оид ба тавсияҳои Кумита, 2021"
                onNodeWithTag("article").performScrollToNode(hasText(named, substring = true))
                onNodeWithText(tg[S.VERIFIED_ON, "date" to "23.11.2026"]).assertIsDisplayed()
                onAllNodesWithText(named, substring = true).onFirst().assertIsDisplayed()
                onNodeWithTag("article").performScrollToNode(hasTestTag("source-words"))
                onNodeWithTag("source-words").performClick()
                onNodeWithTag("article").performScrollToNode(hasText(tg[S.SOURCE_LINE, "line" to "31"]))
                onAllNodesWithText(tg[S.SOURCE_LINE, "line" to "31"]).onFirst().assertIsDisplayed()
                press(Key.Escape)
                onNodeWithTag("guide").assertExists()
                press(Key.Escape)
                onNodeWithTag("home").assertExists()
            }
        }
    }

    @Test
    fun `a link in an article opens the linked article, and back returns`(@TempDir dir: Path) {
        fun article(id: String, title: String, body: String) = Article(
            id, "XA", Stage.ABROAD, Language.ENGLISH, title, body, listOf("a test fixture"), Optional.empty(), 0,
        )
        val content = FakeContent(
            listOf(FakeContent.TEST_COUNTRY),
            articles = listOf(
                article("first", "First article", "Read [[second]] next.\n\n- and then rest"),
                article("second", "Second article", "The end of the trail."),
            ),
        )
        tj.migrantsguide.store.GuideStore.open(dir, testClock).use { store ->
        val userData = StoreUserData(store.user())
        userData.updateSettings { it.copy(language = Language.ENGLISH, country = "XA") }
        runComposeUiTest {
            setContent { GuideApp(testServices(content, dir, userData, StoreSearch(store))) }
            onNodeWithTag("stage:abroad").performClick()
            onNodeWithTag("open:article/XA/first").performClick()
            onNodeWithText("Read Second article next.").assertExists()
            onNodeWithText(Strings.of(Language.ENGLISH)[S.VERIFIED_UNKNOWN]).assertExists()
            onNodeWithTag("article").performScrollToNode(hasText("Second article") and hasClickAction())
            onNode(hasText("Second article") and hasClickAction()).performClick()
            onNodeWithText("The end of the trail.").assertIsDisplayed()
            press(Key.DirectionLeft, alt = true)
            onNodeWithText("Read Second article next.").assertIsDisplayed()
        }
        }
    }

    @Test
    fun `a hotline is found by typing its number, and by the contacts list`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("search-button").performClick()
                onNodeWithTag("search-field").performTextInput("2270707")
                searchSettled()
                onNodeWithTag("result-count").assertExists()
                onNodeWithTag("hit:contact/RU/trafficking-hotline-227-ru").performClick()
                onNodeWithTag("contact:trafficking-hotline-227-ru").assertIsDisplayed()
                onNodeWithText("227-07-07-07").assertIsDisplayed()
                press(Key.Escape)
                onNodeWithTag("search-field").assertTextContains("2270707")
                press(Key.Escape)
                onNodeWithTag("sos").performClick()
                onNodeWithText(tg[S.EMERGENCY_NUMBERS]).assertExists()
                onNodeWithTag("contacts").performScrollToNode(hasTestTag("contact:trafficking-hotline-98-ru"))
                onNodeWithTag("contact:trafficking-hotline-98-ru").assertExists()
            }
        }
    }

    @Test
    fun `a tick is kept across a restart and reset asks first`(@TempDir dir: Path) {
        chosen(dir)
        val items = openEmbeddedGuide(dir).use { guide ->
            guide.store().checklists("RU", Language.TAJIK).first { it.id() == "before-you-leave-ru" }.items().size
        }
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                openChecklist()
                onNodeWithTag("tick:foreign-passport").performClick()
                onNodeWithTag("progress").assertTextEquals(tg.plural(P.DONE_OF, items, "done" to 1))
            }
        }
        // A new app over the same data folder: new store, new user-data holder, new screens.
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                openChecklist()
                onNodeWithTag("tick:foreign-passport").assert(SemanticsMatcher.expectValue(SemanticsProperties.ToggleableState, ToggleableState.On))
                onNodeWithTag("tick:entry-ban-check").assert(SemanticsMatcher.expectValue(SemanticsProperties.ToggleableState, ToggleableState.Off))
                onNodeWithTag("checklist").performScrollToNode(hasTestTag("reset"))
                onNodeWithTag("reset").performClick()
                onNodeWithText(tg[S.RESET_QUESTION]).assertExists()
                onNodeWithTag("confirm-reset").performClick()
                onNodeWithTag("checklist").performScrollToNode(hasTestTag("progress"))
                onNodeWithTag("progress").assertTextEquals(tg.plural(P.DONE_OF, items, "done" to 0))
            }
        }
        assertEquals(emptySet(), withUserData(dir) { it.ticked(ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave-ru")) })
    }

    private fun androidx.compose.ui.test.ComposeUiTest.openChecklist() {
        onNodeWithTag("home").performScrollToNode(hasText(tg[S.CHECKLISTS]))
        onNodeWithText(tg[S.CHECKLISTS]).performClick()
        onNodeWithTag("open:checklist/RU/before-you-leave-ru").performClick()
    }

    @Test
    fun `text size and theme change at once and are remembered`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasText(tg[S.SETTINGS]))
                onNodeWithText(tg[S.SETTINGS]).performClick()
                val sample = tg[S.TEXT_SIZE_SAMPLE]
                onNodeWithTag("settings").performScrollToNode(hasText(sample))
                val before = onNodeWithText(sample).fetchSemanticsNode().size.height
                onNodeWithTag("text-size:200").performClick()
                onNodeWithTag("settings").performScrollToNode(hasText(sample))
                val after = onNodeWithText(sample).fetchSemanticsNode().size.height
                assertTrue(after > before * 1.8, "text at 200% is $after px high, at 100% $before px")
                onNodeWithTag("settings").performScrollToNode(hasTestTag("theme:dark"))
                onNodeWithTag("theme:dark").performClick()
                onNodeWithTag("theme:dark").assert(SemanticsMatcher.expectValue(SemanticsProperties.Selected, true))
            }
        }
        val settings = withUserData(dir) { it.settings.value }
        assertEquals(TextSize.LARGEST, settings.textSize)
        assertEquals(Theme.DARK, settings.theme)
    }

    @Test
    fun `keyboard only - home to contacts to copy, Esc back home, Ctrl+F to search`(@TempDir dir: Path) {
        chosen(dir)
        val device = RecordingDevice()
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir, device)) }
                tabTo("tile:contacts")
                press(Key.Enter)
                onNodeWithTag("contacts").assertExists()
                tabTo("copy:227070707")
                press(Key.Enter)
                assertEquals(listOf("227-07-07-07"), device.copied)
                onNodeWithText(tg[S.COPIED, "number" to "227-07-07-07"]).assertExists()
                press(Key.Escape)
                onNodeWithTag("home").assertExists()
                onRoot().performKeyInput { withKeyDown(Key.CtrlLeft) { pressKey(Key.F) } }
                onNodeWithTag("search-field").assertIsFocused()
            }
        }
    }

    @Test
    fun `an empty question shows what each field needs`(@TempDir dir: Path) {
        chosen(dir, Language.RUSSIAN)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasText(ru[S.ASK]))
                onNodeWithText(ru[S.ASK]).performClick()
                onNodeWithTag("ask").performScrollToNode(hasTestTag("send"))
                onNodeWithTag("send").performClick()
                onNodeWithTag("ask").performScrollToNode(hasText(ru[S.PROBLEM_TOPIC]))
                onNodeWithText(ru[S.PROBLEM_TOPIC]).assertExists()
                onNodeWithTag("ask").performScrollToNode(hasText(ru[S.PROBLEM_MESSAGE_EMPTY]))
                onNodeWithText(ru[S.PROBLEM_MESSAGE_EMPTY]).assertExists()
            }
        }
    }
}

package tj.migrantsguide.app.feature.classmode

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.state.ToggleableState
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.Optional
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.FakeContent
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.model.ContactGroupKind
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.GuideServices
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.press
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.tabTo
import tj.migrantsguide.app.testClock
import tj.migrantsguide.app.testServices
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Checklist
import tj.migrantsguide.guide.ChecklistItem
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.GuideStore
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

@OptIn(ExperimentalTestApi::class)
class ClassModeTest {
    private fun article(id: String, title: String, body: String) = Article(
        id, "XA", Stage.BEFORE_DEPARTURE, Language.ENGLISH, title, body, listOf("a test fixture"), Optional.empty(), 0,
    )

    /** Three short articles and a checklist: six slides with the opening and "get the app", each fits the screen. */
    private val shortContent = FakeContent(
        listOf(FakeContent.TEST_COUNTRY),
        articles = listOf(
            article("one", "First lesson", "Short text one."),
            article("two", "Second lesson", "Short text two."),
            article("three", "Third lesson", "Short text three."),
        ),
        checklists = listOf(
            Checklist(
                "pack", "XA", Stage.BEFORE_DEPARTURE, Language.ENGLISH, "What to pack",
                listOf(ChecklistItem("passport", "Passport"), ChecklistItem("copies", "Copies")),
                listOf("a test fixture"), Optional.empty(), 0,
            ),
        ),
    )

    /** Hand-written content over a real user.db in [dir]. */
    private fun <T> withServices(content: FakeContent, dir: Path, block: (GuideServices) -> T): T =
        GuideStore.open(dir, testClock).use { store ->
            block(testServices(content, dir, StoreUserData(store.user()), StoreSearch(store)))
        }

    @Test
    fun `a trainer walks through class mode with the keyboard only`(@TempDir dir: Path) = withServices(shortContent, dir) { services ->
        services.userData.updateSettings { it.copy(language = Language.ENGLISH, country = "XA") }
        val classMode = ClassModeState(downloadUrl = "http://127.0.0.1:8080/get-the-app")
        val fullScreen = mutableListOf<Boolean>()
        runComposeUiTest {
            setContent {
                WithClassMode(services, classMode, onFullScreen = { fullScreen += it }) { GuideApp(services, Navigator()) }
            }
            onNodeWithTag("home").assertExists()
            press(Key.F5)
            onNodeWithTag("class-setup").assertExists()
            press(Key.Enter) // "Before departure" has focus
            fun counter(expected: String) = onNodeWithTag("class-counter").assertTextEquals(expected)
            counter("1 / 6")
            assertEquals(true, fullScreen.last())
            repeat(3) { press(Key.DirectionRight) }
            counter("4 / 6")
            onNodeWithTag("slide-title").assertTextEquals("Third lesson")
            press(Key.DirectionLeft)
            counter("3 / 6")
            press(Key.PageDown)
            counter("4 / 6")
            press(Key.PageDown)
            counter("5 / 6")
            onNodeWithTag("slide-title").assertTextEquals("What to pack")
            press(Key.PageUp)
            counter("4 / 6")
            press(Key.MoveEnd)
            counter("6 / 6")
            onNodeWithTag("class-qr").assertExists()
            // A development build's address: the slide says no trainee's phone can open it (issue 18).
            onNodeWithTag("link-placeholder").assertTextEquals(Strings.of(Language.ENGLISH)[S.LINK_PLACEHOLDER])
            press(Key.DirectionRight) // past the end: stays
            counter("6 / 6")
            press(Key.MoveHome)
            counter("1 / 6")
            press(Key.Escape)
            onNodeWithTag("class-mode").assertDoesNotExist()
            onNodeWithTag("home").assertExists()
            assertEquals(false, fullScreen.last())
        }
    }

    @Test
    fun `a slide longer than the screen scrolls before the next one comes`(@TempDir dir: Path) {
        val long = (1..60).joinToString("\n\n") { "Paragraph with enough words to fill a line of the slide, number written out." }
        val content = FakeContent(listOf(FakeContent.TEST_COUNTRY), articles = listOf(article("long", "A long lesson", long)))
        withServices(content, dir) { services ->
        services.userData.updateSettings { it.copy(language = Language.ENGLISH, country = "XA") }
        runComposeUiTest {
            setContent { WithClassMode(services, ClassModeState(downloadUrl = null)) { GuideApp(services, Navigator()) } }
            press(Key.F5)
            press(Key.Enter)
            press(Key.PageDown)
            onNodeWithTag("class-counter").assertTextEquals("2 / 3")
            onNodeWithTag("class-more").assertExists()
            var presses = 0
            while (onAllNodesWithTag("class-more").fetchSemanticsNodes().isNotEmpty() && presses < 40) {
                press(Key.PageDown)
                onNodeWithTag("class-counter").assertTextEquals("2 / 3")
                presses++
            }
            assertTrue(presses in 2..39, "a 60-paragraph text takes more than one screen and ends ($presses pages)")
            press(Key.PageDown)
            onNodeWithTag("class-counter").assertTextEquals("3 / 3")
        }
        }
    }

    @Test
    fun `class mode opened from settings leaves no trace in the owner's data`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val services = storeServices(guide, dir)
            val owner = services.userData
            owner.updateSettings { it.copy(language = Language.RUSSIAN, country = "RU") }
            val ownersList = ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave-ru")
            val firstItem = StoreGuideContent(guide.store()).checklists("RU", Language.RUSSIAN).first { it.id() == ownersList.id }.items().first().id()
            owner.setTicked(ownersList, firstItem, true)
            val ticksBefore = owner.ticked(ownersList)
            val bookmarksBefore = owner.bookmarks.value
            val recentBefore = owner.recent.value
            val filesBefore = fingerprint(dir)

            runComposeUiTest {
                setContent {
                    WithClassMode(services, ClassModeState(downloadUrl = null)) { GuideApp(services, Navigator(Destination.Settings)) }
                }
                tabTo("open-class-mode")
                press(Key.Enter)
                onNodeWithTag("class-setup").assertExists()
                press(Key.Enter)
                // On to the first checklist slide, with the keys a clicker sends.
                var presses = 0
                while (onAllNodes(hasTestTagStartingWith("class-tick:")).fetchSemanticsNodes().isEmpty() && presses < 80) {
                    press(Key.PageDown)
                    presses++
                }
                val rows = onAllNodes(hasTestTagStartingWith("class-tick:")).fetchSemanticsNodes()
                assertTrue(rows.isNotEmpty(), "a checklist slide in the 'before departure' class")
                val tags = rows.map { it.config[SemanticsProperties.TestTag] }
                // Tick every row of the class's list (Tab to it, Space), then leave.
                for (tag in tags) {
                    tabTo(tag)
                    press(Key.Spacebar)
                    onNodeWithTag(tag).assert(SemanticsMatcher.expectValue(SemanticsProperties.ToggleableState, ToggleableState.On))
                }
                press(Key.Escape)
                onNodeWithTag("class-mode").assertDoesNotExist()
                onNodeWithTag("settings").assertExists()
            }

            assertEquals(ticksBefore, owner.ticked(ownersList))
            assertEquals(setOf(firstItem), ticksBefore)
            assertEquals(bookmarksBefore, owner.bookmarks.value)
            assertEquals(recentBefore, owner.recent.value)
            assertEquals(filesBefore, fingerprint(dir), "every file in the data folder is as it was")
        }
    }

    @Test
    fun `a new session starts with nothing ticked, and keeps no bookmarks or history`() {
        val person = SessionUserData(Settings(Language.TAJIK, "RU"))
        val list = ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave-ru")
        person.setTicked(list, "passport", true)
        person.setTicked(list, "copies", true)
        person.setTicked(list, "copies", false)
        assertEquals(setOf("passport"), person.ticked(list))
        person.setBookmarked(list, true)
        person.markViewed(list)
        assertEquals(emptyList(), person.bookmarks.value)
        assertEquals(emptyList(), person.recent.value)
        person.resetTicks(list)
        assertEquals(emptySet(), person.ticked(list))
        assertEquals(emptySet(), SessionUserData(Settings(Language.TAJIK, "RU")).ticked(list))
    }

    @Test
    fun `the slides of a class follow the app - stage articles and checklists, or contacts emergency first`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val content = StoreGuideContent(guide.store())
            val stage = loadClassDeck(content, ClassChoice("RU", Language.TAJIK, ClassTopic.OfStage(Stage.BEFORE_DEPARTURE)), "u")
            assertTrue(stage.first() is Slide.Opening)
            assertEquals(Slide.GetTheApp("u"), stage.last())
            assertTrue(Slide.GetTheApp("http://127.0.0.1:8080/get-the-app").placeholder, "a loopback http link is a placeholder")
            assertTrue(!Slide.GetTheApp("https://apps.ministry-of-labour.tj/get-the-app").placeholder, "a public https link is not")
            val russian = content.articles("RU", Language.TAJIK).filter { it.stage() == Stage.BEFORE_DEPARTURE }.map { it.id() }
            val shown = stage.filterIsInstance<Slide.ArticleSlide>().map { it.article.article!!.id() }
            assertEquals(russian, shown.take(russian.size))
            assertTrue(stage.any { it is Slide.ChecklistSlide && it.item.id() == "before-you-leave-ru" })
            val home = stage.filterIsInstance<Slide.ArticleSlide>().drop(russian.size)
            assertTrue(home.all { it.homeCountryName != null }, "Tajikistan's articles come after, marked as home")

            val contacts = loadClassDeck(content, ClassChoice("RU", Language.RUSSIAN, ClassTopic.Contacts), null)
            val groups = contacts.filterIsInstance<Slide.ContactsSlide>()
            assertEquals(ContactGroupKind.EMERGENCY, groups.first().group)
            assertEquals(
                content.contacts("RU", Language.RUSSIAN).map { it.id() }.toSet(),
                groups.flatMap { g -> g.contacts.map { it.id() } }.toSet(),
            )
        }
    }

    private fun hasTestTagStartingWith(prefix: String) = SemanticsMatcher("test tag starts with $prefix") { node ->
        node.config.getOrNull(SemanticsProperties.TestTag)?.startsWith(prefix) == true
    }

    /** Name and SHA-256 of every file under [dir] (SQLite's shared-memory index aside: it is not data). */
    private fun fingerprint(dir: Path): Map<String, String> = Files.walk(dir).use { paths ->
        paths.filter { Files.isRegularFile(it) && !it.fileName.toString().endsWith("-shm") }.toList().associate { file ->
            dir.relativize(file).toString() to
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)).joinToString("") { "%02x".format(it) }
        }
    }
}

package tj.migrantsguide.app

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.state.ToggleableState
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Files
import java.nio.file.Path
import java.util.Optional
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.sync.GuideSync
import tj.migrantsguide.app.sync.TestFeedHost
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.feed.TrustedKeys
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.GuideStore
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.sync.FeedSource

/** Part 2's paths over real data: people and their ticks, bookmarks, search, sync, the recovery notice. */
@OptIn(ExperimentalTestApi::class)
class GuideDataFlowTest {
    private val tg = Strings.of(Language.TAJIK)
    private val ru = Strings.of(Language.RUSSIAN)
    private val checklist = ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave-ru")

    private fun chosen(dir: Path, language: Language = Language.TAJIK) {
        withUserData(dir) { data -> data.updateSettings { it.copy(language = language, country = "RU") } }
    }

    private val ticked = SemanticsMatcher.expectValue(SemanticsProperties.ToggleableState, ToggleableState.On)
    private val unticked = SemanticsMatcher.expectValue(SemanticsProperties.ToggleableState, ToggleableState.Off)

    @Test
    fun `each person on the device keeps their own ticks, across a restart`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasText(tg[S.CHECKLISTS]))
                onNodeWithText(tg[S.CHECKLISTS]).performClick()
                onNodeWithTag("open:${checklist.code()}").performClick()
                onNodeWithTag("tick:foreign-passport").performClick()
                onNodeWithTag("person-add").performClick()
                onNodeWithTag("person-name").performTextInput("Фаридун")
                onNodeWithTag("save-person").performClick()
                // The new person is chosen at once, with a list of their own.
                onNodeWithTag("tick:foreign-passport").assert(unticked)
                onNodeWithTag("tick:entry-ban-check").performClick()
                onNodeWithTag("checklist").performScrollToNode(hasTestTag("people"))
                onNodeWithText("Фаридун", substring = true).assertTextContains("1", substring = true)
            }
        }
        openEmbeddedGuide(dir).use { guide ->
            val people = StoreUserData(guide.store().user()).people.value
            assertEquals(listOf(tg[S.PERSON_ME], "Фаридун"), people.map { if (it.hasName()) it.name() else tg[S.PERSON_ME] })
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasText(tg[S.CHECKLISTS]))
                onNodeWithText(tg[S.CHECKLISTS]).performClick()
                onNodeWithTag("open:${checklist.code()}").performClick()
                onNodeWithTag("tick:entry-ban-check").assert(ticked)
                onNodeWithTag("tick:foreign-passport").assert(unticked)
                onNodeWithTag("person:${people[0].id()}").performClick()
                onNodeWithTag("tick:foreign-passport").assert(ticked)
                onNodeWithTag("tick:entry-ban-check").assert(unticked)
            }
        }
    }

    @Test
    fun `an article bookmarked is listed in Saved, and what was opened under recent`(@TempDir dir: Path) {
        chosen(dir, Language.RUSSIAN)
        openEmbeddedGuide(dir).use { guide ->
            val article = StoreGuideContent(guide.store()).articles("RU", Language.RUSSIAN).first()
            val ref = ItemRef(ItemKind.ARTICLE, "RU", article.id())
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").performScrollToNode(hasTestTag("stage:${article.stage().code()}"))
                onNodeWithTag("stage:${article.stage().code()}").performClick()
                onNodeWithTag("open:${ref.code()}").performClick()
                onNodeWithTag("bookmark").performClick()
                press(Key.Escape)
                press(Key.Escape)
                onNodeWithTag("home").performScrollToNode(hasText(ru[S.SAVED]))
                onNodeWithText(ru[S.SAVED]).performClick()
                onNodeWithTag("saved").performScrollToNode(hasTestTag("bookmark:${ref.code()}"))
                onNodeWithTag("saved").performScrollToNode(hasTestTag("recent:${ref.code()}"))
            }
            assertEquals(listOf(ref), StoreUserData(guide.store().user()).bookmarks.value)
        }
    }

    @Test
    fun `search finds a hotline by its digits and by a tajik word typed on a russian keyboard`(@TempDir dir: Path) {
        chosen(dir)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("search-button").performClick()
                onNodeWithTag("search-field").performTextInput("2270707")
                searchSettled()
                onNodeWithTag("search").performScrollToNode(hasTestTag("hit:contact/RU/trafficking-hotline-227-ru"))
                // "боварӣ" typed without the Tajik letter.
                onNodeWithTag("search-field").performTextClearance()
                onNodeWithTag("search-field").performTextInput("телефони бовари")
                searchSettled()
                onNodeWithTag("search").performScrollToNode(hasTestTag("hit:contact/RU/trafficking-hotline-227-ru"))
                onNodeWithTag("hit:contact/RU/trafficking-hotline-227-ru").performClick()
                onNodeWithTag("contact:trafficking-hotline-227-ru").assertExists()
                // Hostile input is only text: FTS5's quote, group, prefix, column and caret syntax around a word
                // no item has (words like "near" and "or" are real English words the guide now carries).
                press(Key.Escape)
                onNodeWithTag("search-field").performTextClearance()
                onNodeWithTag("search-field").performTextInput("\"ZXQW(* ^ -:*")
                searchSettled()
                onNodeWithText(tg[S.SEARCH_NOTHING, "query" to "\"ZXQW(* ^ -:*"]).assertExists()
            }
        }
    }

    @Test
    fun `an inline link in an article is reached with Tab and opened with Enter`(@TempDir dir: Path) {
        fun article(id: String, title: String, body: String) = Article(
            // Checked: an unchecked article would put its "not confirmed" note and buttons before the text.
            id, "XA", Stage.ABROAD, Language.ENGLISH, title, body, listOf("a test fixture"), Optional.of(java.time.LocalDate.of(2026, 11, 23)), 0,
        )
        val content = FakeContent(
            listOf(FakeContent.TEST_COUNTRY),
            articles = listOf(article("first", "First article", "Read [[second]] next."), article("second", "Second article", "The end of the trail.")),
        )
        GuideStore.open(dir, testClock).use { store ->
            val userData = StoreUserData(store.user())
            userData.updateSettings { it.copy(language = Language.ENGLISH, country = "XA") }
            runComposeUiTest {
                setContent { GuideApp(testServices(content, dir, userData, StoreSearch(store))) }
                onNodeWithTag("stage:abroad").performClick()
                onNodeWithTag("open:article/XA/first").performClick()
                tabTo("bookmark")
                press(Key.Tab)
                val focused = focusedTag()
                assertTrue(focused == null || !focused.startsWith("mentioned:"), "Tab went past the inline link to $focused")
                press(Key.Enter)
                onNodeWithText("The end of the trail.").assertExists()
            }
        }
    }

    @Test
    fun `sync now shows its progress, then a refused feed in words, and nothing changes`(@TempDir dir: Path) {
        chosen(dir)
        val feed = dir.resolve("feed")
        TestFeedHost.writeFeed(feed, 999_999, "Not from the editors", TestFeedHost.newKey())
        val release = CountDownLatch(1)
        val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
        try {
            TestFeedHost(feed).use { host ->
                // The index waits until the test has seen the progress bar.
                host.faults["index.json"] = { exchange ->
                    release.await(30, TimeUnit.SECONDS)
                    val bytes = Files.readAllBytes(feed.resolve("index.json"))
                    exchange.responseHeaders["Content-Type"] = listOf("application/json")
                    exchange.sendResponseHeaders(200, bytes.size.toLong())
                    exchange.responseBody.write(bytes)
                    exchange.close()
                }
                KtorTransport().use { transport ->
                    openEmbeddedGuide(dir.resolve("data").also { copySettings(dir, it) }).use { guide ->
                        val before = guide.store().installedFeed().orElseThrow().version()
                        // Trusts a key of its own: the feed's signature is not one it knows.
                        val source = FeedSource.of(host.url, transport, TrustedKeys.of(listOf(TestFeedHost.newKey().publicKey())))
                        val content = StoreGuideContent(guide.store())
                        val sync = GuideSync(guide, lazyOf(source), testClock, scope).also { it.onInstalled(scope, content::contentChanged) }
                        runComposeUiTest {
                            setContent { GuideApp(storeServices(guide, dir.resolve("data"), sync = sync, content = content)) }
                            onNodeWithTag("home").performScrollToNode(hasText(tg[S.SETTINGS]))
                            onNodeWithText(tg[S.SETTINGS]).performClick()
                            onNodeWithTag("settings").performScrollToNode(hasTestTag("sync-now"))
                            onNodeWithTag("sync-now").performClick()
                            waitUntil(timeoutMillis = 10_000) { onAllNodes(hasTestTag("sync-progress")).fetchSemanticsNodes().isNotEmpty() }
                            release.countDown()
                            waitUntil(timeoutMillis = 20_000) { onAllNodes(hasTestTag("sync-result")).fetchSemanticsNodes().isNotEmpty() }
                            onNodeWithTag("sync-result").assertTextContains(tg[S.SYNC_REJECT_SIGNATURE], substring = true)
                            onNodeWithTag("sync-result").assertTextContains(tg[S.SYNC_NOTHING_CHANGED], substring = true)
                        }
                        assertEquals(before, guide.store().installedFeed().orElseThrow().version())
                    }
                }
            }
        } finally {
            release.countDown()
            scope.cancel()
        }
    }

    @Test
    fun `a repaired data file is told once, in the person's language`(@TempDir dir: Path) {
        chosen(dir)
        // Overwritten by something else: the store sets it aside and starts a fresh one.
        Files.write(dir.resolve("user.db"), ByteArray(8192) { 7 })
        Files.deleteIfExists(dir.resolve("user.db-wal"))
        Files.deleteIfExists(dir.resolve("user.db-shm"))
        openEmbeddedGuide(dir).use { guide ->
            assertNotNull(StoreUserData(guide.store().user()).recoveryNotice.value)
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("recovery-notice").assertExists()
                onNodeWithText(tg[S.RECOVERY_TITLE]).assertExists()
                onNodeWithTag("recovery-ok").performClick()
                waitForIdle()
                onAllNodes(hasTestTag("recovery-notice")).fetchSemanticsNodes().let { assertTrue(it.isEmpty()) }
            }
        }
        assertNull(withUserData(dir) { it.recoveryNotice.value }, "not shown again")
    }

    /** The language and country chosen in [from]'s data, for a guide in another folder. */
    private fun copySettings(from: Path, to: Path) {
        val settings = withUserData(from) { it.settings.value }
        withUserData(to) { data -> data.updateSettings { settings.copy(window = null) } }
    }
}

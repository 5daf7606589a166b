package tj.migrantsguide.app.feature.changes

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onFirst
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.runComposeUiTest
import java.net.URI
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.Optional
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.Guide
import tj.migrantsguide.app.cli.ShareCommandTest
import tj.migrantsguide.app.data.GuideFeedSharing
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.feature.settings.provenanceText
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.app.data.Signer
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.press
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.sync.TestFeedHost
import tj.migrantsguide.app.tabTo
import tj.migrantsguide.app.testClock
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.withUserData
import tj.migrantsguide.feed.TrustedKeys
import tj.migrantsguide.guide.Language
import tj.migrantsguide.text.TextChange
import tj.migrantsguide.store.ItemChange
import tj.migrantsguide.app.text.P
import tj.migrantsguide.app.designsystem.GuideTheme
import androidx.compose.ui.test.onNodeWithText
import tj.migrantsguide.store.ContentChanges
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.store.Provenance
import tj.migrantsguide.sync.FeedSource
import tj.migrantsguide.sync.Sync
import tj.migrantsguide.sync.SyncResult
import tj.migrantsguide.transport.JdkHttpTransport

/**
 * The window after an update (issue 17): the "Updated" notice said once, the What changed screen, the share screen
 * serving a second device. Real embedded content in real SQLite files, real updates installed by shared's Sync
 * from real folders and over real loopback HTTP.
 */
@OptIn(ExperimentalTestApi::class)
class ChangesFlowTest {
    private val key = TestFeedHost.newKey()
    private val trusted = TrustedKeys.of(listOf(key.publicKey()))
    private val registration = ItemRef(ItemKind.ARTICLE, "RU", "registration-15-days")

    private fun chosen(dir: Path, language: Language) {
        withUserData(dir) { data -> data.updateSettings { it.copy(language = language, country = "RU") } }
    }

    /** Installs the test feed of [version] (Russia; [second]: the hotline renumbered, one article for another). */
    private fun update(guide: Guide, dir: Path, version: Long, second: Boolean) {
        val folder = dir.resolve("test-feeds/$version")
        ShareCommandTest.writeRussia(folder, version, second, key)
        val result = Sync.run(guide.store(), guide.dataDirectory(), FeedSource.folder(folder, trusted), testClock) { _, _ -> }
        assertTrue(result is SyncResult.Updated, result.describe())
    }

    /** A device at version 1001, whose person bookmarked the registration article in 1000. */
    private fun updatedDevice(dir: Path, language: Language) {
        chosen(dir, language)
        openEmbeddedGuide(dir).use { guide ->
            update(guide, dir, 1000, second = false)
            StoreUserData(guide.store().user()).setBookmarked(registration, true)
            update(guide, dir, 1001, second = true)
        }
    }

    @Test
    fun `after an update the notice says what changed in words, leads to What changed by keyboard, and is said once`(@TempDir dir: Path) {
        updatedDevice(dir, Language.TAJIK)
        val tg = Strings.of(Language.TAJIK)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("updated-text").assertTextEquals("Нав карда шуд: 2 мақола, 1 тамос, 1 рақами телефон иваз шуд")
                // The notice is first in the Tab order.
                tabTo("open-changes", limit = 3)
                press(Key.Enter)
                onNodeWithTag("changes").assertIsDisplayed()
                // The renumbered hotline first, then what the person bookmarked (the removed article), then the rest.
                onNodeWithTag("changes").performScrollToNode(hasTestTag("change:trafficking-hotline-227"))
                onAllNodesWithTag("number-change", useUnmergedTree = true).onFirst()
                    .assertTextContains("227-07-07-07 → 227-07-07-08", substring = true)
                assertEquals(0, onAllNodesWithTag("updated-notice").fetchSemanticsNodes().size, "gone once opened")
                press(Key.Escape)
                onNodeWithTag("home").assertIsDisplayed()
            }
            val items = guide.store().changes(1000, Optional.of(Language.TAJIK)).single()
                .forReading(Language.TAJIK) { it == registration }.map { it.id() }
            assertEquals(listOf("trafficking-hotline-227", "registration-15-days", "work-patent"), items)
        }
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("home").assertIsDisplayed()
                assertEquals(0, onAllNodesWithTag("updated-notice").fetchSemanticsNodes().size, "said once, not at every start")
            }
        }
        assertTrue(tg[S.WHAT_CHANGED].isNotBlank())
    }

    @Test
    fun `What changed lists the person's bookmarked item right after the numbers, in Russian`(@TempDir dir: Path) {
        updatedDevice(dir, Language.RUSSIAN)
        openEmbeddedGuide(dir).use { guide ->
            runComposeUiTest {
                setContent { GuideApp(storeServices(guide, dir)) }
                onNodeWithTag("updated-text").assertTextEquals("Обновлено: 2 статьи, 1 контакт, 1 номер телефона изменён")
                onNodeWithTag("close-updated").performClick()
                waitForIdle()
                assertEquals(0, onAllNodesWithTag("updated-notice").fetchSemanticsNodes().size)
            }
        }
        openEmbeddedGuide(dir).use { guide ->
            val state = loadChangesState(tj.migrantsguide.app.data.StoreGuideContent(guide.store()), StoreUserData(guide.store().user()), Language.RUSSIAN, testClock.zone)
            val newest = state.updates.first()
            assertEquals(1000L to 1001L, newest.fromVersion to newest.toVersion)
            assertEquals(listOf("trafficking-hotline-227" to false, "registration-15-days" to true, "work-patent" to false),
                newest.items.map { it.change.id() to it.mine })
            assertEquals(2, state.updates.size, "newest first: 1000→1001, then the embedded content → 1000; the first install records nothing")
        }
    }

    @Test
    fun `a deadline rule's new length is shown in words in each language, the old one struck`() {
        val length = ItemChange.FieldChange(ItemChange.Field.LENGTH, TextChange.between("15 calendar-days", "30 calendar-days"))
        val expected = mapOf(Language.ENGLISH to "15 days → 30 days", Language.RUSSIAN to "15 дней → 30 дней",
            Language.TAJIK to "15 рӯз → 30 рӯз")
        for ((language, words) in expected) {
            val rule = ItemChange("RU", language, ItemKind.RULE, "register-stay-ru", ItemChange.Change.CHANGED,
                "Register your stay", listOf(), listOf(length), listOf())
            val state = ChangesState(language, listOf(UpdateView(1, java.time.LocalDate.of(2026, 12, 2), 1, 2, false,
                ContentChanges.Summary(0, 0, 0, 0, 1), listOf(ChangedItem(rule, false)))))
            runComposeUiTest {
                setContent { GuideTheme(language = language) { ChangesContent(state) {} } }
                onNodeWithTag("length-change", useUnmergedTree = true).assertTextEquals(words)
                onNodeWithText(Strings.of(language).plural(P.CHANGED_RULES, 1)).assertExists()
            }
        }
    }

    @Test
    fun `the summary uses each language's plural forms`() {
        fun summary(articles: Int, numbers: Int) = ContentChanges.Summary(articles, 0, 0, numbers, 0)
        val ru = Strings.of(Language.RUSSIAN)
        assertEquals("1 статья, 1 номер телефона изменён", summaryText(ru, summary(1, 1)))
        assertEquals("3 статьи, 2 номера телефона изменены", summaryText(ru, summary(3, 2)))
        assertEquals("5 статей, 11 номеров телефона изменены", summaryText(ru, summary(5, 11)))
        assertEquals("21 статья, 22 номера телефона изменены", summaryText(ru, summary(21, 22)))
        val en = Strings.of(Language.ENGLISH)
        assertEquals("3 articles, 1 phone number changed", summaryText(en, summary(3, 1)))
        assertEquals("1 article, 2 phone numbers changed", summaryText(en, summary(1, 2)))
        assertEquals("3 мақола, 1 рақами телефон иваз шуд", summaryText(Strings.of(Language.TAJIK), summary(3, 1)))
        val rules = ContentChanges.Summary(0, 0, 0, 0, 2)
        assertEquals("2 deadline rules", summaryText(en, rules))
        assertEquals("2 срока", summaryText(ru, rules))
        assertEquals("2 мӯҳлат", summaryText(Strings.of(Language.TAJIK), rules))
    }

    @Test
    fun `Settings says where the content came from and names the Ministry only for its own keys`() {
        val at = Instant.parse("2026-12-02T09:00:00Z")
        val key = "06118ee46c678ce8f073c0422a7ea7b9e0a5e27250775c36b9cf4449da6de1f1"
        val network = Provenance(14, at, Provenance.Origin.NETWORK, Optional.of(key), Optional.of("http://192.168.1.20:8080/"))
        val folder = Provenance(14, at, Provenance.Origin.FOLDER, Optional.of(key), Optional.of("/media/usb"))
        val app = Provenance(14, at, Provenance.Origin.APP, Optional.of(key), Optional.empty())
        val zone = java.time.ZoneOffset.UTC
        val en = Strings.of(Language.ENGLISH)
        assertEquals("Version 14, signed by the Ministry (key 06118ee4…), received from 192.168.1.20 on 2 December 2026",
            provenanceText(en, network, Signer.MINISTRY, zone))
        assertEquals("Version 14, signed by the Ministry (key 06118ee4…), from a folder on 2 December 2026",
            provenanceText(en, folder, Signer.MINISTRY, zone))
        assertEquals("Version 14, signed by the Ministry (key 06118ee4…), built into the app",
            provenanceText(en, app, Signer.MINISTRY, zone))
        assertEquals("Версия 14, подписана Министерством (ключ 06118ee4…), получена с 192.168.1.20 2 декабря 2026",
            provenanceText(Strings.of(Language.RUSSIAN), network, Signer.MINISTRY, zone))
        assertEquals("Версияи 14, бо имзои Вазорат (калиди 06118ee4…), аз 192.168.1.20 санаи 02.12.2026 гирифта шуд",
            provenanceText(Strings.of(Language.TAJIK), network, Signer.MINISTRY, zone))

        // The development key (this build's) and a key an editor trusted for one run are never called the Ministry's.
        assertEquals(Signer.DEVELOPMENT, Signer.of(key, AppFeed.pinnedKeys))
        assertEquals(Signer.ADDED_ON_DEVICE, Signer.of("5a1e" + "0".repeat(60), AppFeed.pinnedKeys))
        for (language in Language.values()) {
            val strings = Strings.of(language)
            val ministry = strings[S.SIGNED_MINISTRY, "key" to "06118ee4"]
            for (signer in listOf(Signer.DEVELOPMENT, Signer.ADDED_ON_DEVICE)) {
                val text = provenanceText(strings, app, signer, zone)
                assertTrue(!text.contains(ministry) && text.contains("06118ee4"), "$language $signer: $text")
            }
        }
        assertEquals("Version 14, signed with the development key (06118ee4…), not by the Ministry: test content, built into the app",
            provenanceText(en, app, Signer.DEVELOPMENT, zone))
    }

    @Test
    fun `the share screen serves the kept feed to a second device that syncs and verifies it`(@TempDir dir: Path) {
        updatedDevice(dir, Language.ENGLISH)
        openEmbeddedGuide(dir).use { guide ->
            GuideFeedSharing(guide, port = 0, host = { java.net.InetAddress.getLoopbackAddress() }).use { sharing ->
                val services = storeServices(guide, dir).let {
                    tj.migrantsguide.app.navigation.GuideServices(
                        it.content, it.userData, it.search, it.sync, it.outbox, it.device, it.clock, it.background, it.dataDirectory, sharing = sharing,
                    )
                }
                var url = ""
                runComposeUiTest {
                    setContent { GuideApp(services, tj.migrantsguide.app.navigation.Navigator(tj.migrantsguide.app.navigation.Destination.Share)) }
                    tabTo("share-start")
                    press(Key.Enter)
                    waitUntil(timeoutMillis = 5_000) { onAllNodesWithTag("share-url").fetchSemanticsNodes().isNotEmpty() }
                    onNodeWithTag("share-qr").assertIsDisplayed()
                    onNodeWithTag("share-key").assertTextContains(key.keyId().substring(0, 8), substring = true)
                    url = (sharing.state.value as tj.migrantsguide.app.data.ShareState.On).url
                }
                // A second device (at the embedded content) syncs from the address the screen shows.
                openEmbeddedGuide(dir.resolve("receiver")).use { receiver ->
                    val source = FeedSource.of(URI.create(url), JdkHttpTransport(Duration.ofSeconds(5)), trusted)
                    val result = Sync.run(receiver.store(), receiver.dataDirectory(), source, testClock) { _, _ -> }
                    assertTrue(result is SyncResult.Updated, result.describe())
                    assertEquals(1001L, receiver.store().installedFeed().orElseThrow().version())
                    assertEquals(Provenance.Origin.NETWORK, receiver.store().provenance().orElseThrow().origin())
                }
                sharing.refresh()
                assertTrue((sharing.state.value as tj.migrantsguide.app.data.ShareState.On).files > 0)
            }
        }
    }
}

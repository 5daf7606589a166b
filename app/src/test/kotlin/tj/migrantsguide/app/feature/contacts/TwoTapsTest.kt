package tj.migrantsguide.app.feature.contacts

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.isFocused
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.press
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.guide.ContactKind
import tj.migrantsguide.guide.Language

/**
 * "Any number in two taps" (issue 22), through the real app over the real content: from home, in every country of
 * the guide, each emergency number, Ministry office and embassy entry is on screen after at most two activations.
 * The paths tried are the controls a person sees: SOS, the emergency card's "All" and "Embassy and consulates",
 * the Contacts tile and, on the contacts screen, each index entry. A target counts as reached when its card (or
 * its line on the home card) is in the window, not merely somewhere down the list.
 */
@OptIn(ExperimentalTestApi::class)
class TwoTapsTest {
    private val firstTaps = listOf("sos", "all-emergency", "embassy-link", "tile:contacts")
    private val indexTaps = listOf("EMERGENCY", "MINISTRY", "CONSULAR", "HOTLINES", "SERVICES").map { "index:$it" }

    @Test
    fun `from home every emergency number, ministry office and embassy is at most two activations away in all 12 countries`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val content = StoreGuideContent(guide.store())
            val countries = content.countries().map { it.code() }
            assertEquals(12, countries.size, "the guide's countries: $countries")
            val services = storeServices(guide, dir)
            val navigator = Navigator()
            val problems = mutableListOf<String>()
            var targetsChecked = 0
            runComposeUiTest {
                services.userData.updateSettings { it.copy(language = Language.RUSSIAN, country = countries.first()) }
                setContent { GuideApp(services, navigator) }
                for (country in countries) {
                    services.userData.updateSettings { it.copy(country = country) }
                    waitForIdle()
                    val contacts = content.contacts(country, Language.RUSSIAN)
                    // The country's emergency numbers (those the editors put on the emergency card), its Ministry
                    // offices, and its embassy (or, without one, its first consulate).
                    val missions = contacts.filter { it.kind() == ContactKind.EMBASSY }
                        .ifEmpty { contacts.filter { it.kind() == ContactKind.CONSULATE }.take(1) }
                    val targets = (
                        contacts.filter { it.kind() == ContactKind.EMERGENCY && it.emergency() } +
                            contacts.filter { it.kind() == ContactKind.MINISTRY_OFFICE } + missions
                        ).map { it.id() }.distinct()
                    assertTrue(contacts.none { it.kind() == ContactKind.EMERGENCY } || targets.isNotEmpty(), "$country has no emergency number on its card")
                    val reached = mutableMapOf<String, Int>()
                    fun look(taps: Int) {
                        for (id in shownContacts()) if (id in targets) reached.merge(id, taps, ::minOf)
                    }
                    navigator.home()
                    waitForIdle()
                    look(0)
                    for (first in firstTaps) {
                        for (second in listOf<String?>(null) + indexTaps) {
                            navigator.home()
                            waitForIdle()
                            if (!activate("home", first)) break
                            if (second == null) {
                                look(1)
                            } else if (activate("contacts", second)) {
                                look(2)
                            }
                        }
                    }
                    for (id in targets) if (id !in reached) problems += "$country/$id: not on screen after two activations"
                    targetsChecked += targets.size
                }
            }
            assertTrue(problems.isEmpty(), problems.joinToString("\n"))
            assertTrue(targetsChecked >= countries.size, "only $targetsChecked targets in ${countries.size} countries")
        }
    }

    @Test
    fun `an index entry scrolls to its section and focuses it, and the home card's link opens the embassy section`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val services = storeServices(guide, dir)
            runComposeUiTest {
                services.userData.updateSettings { it.copy(language = Language.TAJIK, country = "RU") }
                setContent { GuideApp(services) }
                onNodeWithTag("home").performScrollToNode(hasTestTag("tile:contacts"))
                onNodeWithTag("tile:contacts").performClick()
                waitForIdle()
                onNodeWithTag("index:CONSULAR").performClick()
                waitForIdle()
                assertTrue(isFocused("section:CONSULAR"), "the embassy section has focus")
                assertTrue("embassy-moscow" in shownContacts(), "the embassy is on screen: ${shownContacts()}")
                // Tab goes on into the section, not back to the top of the list.
                press(Key.Tab)
                assertTrue(shownContacts().contains("embassy-moscow"))
                press(Key.Escape)
                onNodeWithTag("home").performScrollToNode(hasTestTag("embassy-link"))
                onNodeWithTag("embassy-link").performClick()
                waitForIdle()
                assertTrue(isFocused("section:CONSULAR"), "the home card's link opens the embassy section, focused")
                // In Russia the Ministry office is on the emergency card, so it is in the emergency group: its
                // index entry jumps to its card there.
                onNodeWithTag("contacts").performScrollToNode(hasTestTag("index:MINISTRY"))
                onNodeWithTag("index:MINISTRY").performClick()
                waitForIdle()
                assertTrue("ministry-office-russia" in shownContacts())
            }
        }
    }

    /** Clicks [tag] on the current screen (scrolling its list to it, which is not an activation); false if absent. */
    private fun ComposeUiTest.activate(list: String, tag: String): Boolean {
        if (onAllNodes(hasTestTag(list)).fetchSemanticsNodes().isEmpty()) return false
        val scrolled = runCatching { onNodeWithTag(list).performScrollToNode(hasTestTag(tag)) }.isSuccess
        if (!scrolled && onAllNodes(hasTestTag(tag)).fetchSemanticsNodes().isEmpty()) return false
        onNodeWithTag(tag).performClick()
        waitForIdle()
        return true
    }

    /**
     * The contacts whose card (contacts screen) or line (home's emergency card) is in the window: at least its
     * first 100 px, or all of it, visible.
     */
    private fun ComposeUiTest.shownContacts(): Set<String> {
        val window = onRoot().fetchSemanticsNode().boundsInRoot
        return onAllNodes(
            SemanticsMatcher("a contact") { node ->
                node.config.getOrNull(SemanticsProperties.TestTag)?.let { it.startsWith("contact:") || it.startsWith("emergency:") } == true
            },
            useUnmergedTree = true,
        ).fetchSemanticsNodes().filter { node ->
            val shown = node.boundsInRoot.intersect(window)
            shown.height >= minOf(node.size.height.toFloat(), 100f) - 1f && shown.width > 0f
        }.map { it.config[SemanticsProperties.TestTag].substringAfter(':') }.toSet()
    }
}

/** The contacts index over the real guide: what each entry jumps to. */
class ContactIndexStateTest {
    @Test
    fun `in russia the index lists the five entries and the ministry and hotline entries jump to their cards in the emergency group`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val content = StoreGuideContent(guide.store())
            val state = tj.migrantsguide.app.model.loadContactsState(content, "RU", Language.RUSSIAN, false, emptySet())
            val index = state.index.associate { it.kind to it.target }
            assertEquals(tj.migrantsguide.app.model.ContactIndexKind.entries.toList(), state.index.map { it.kind })
            assertEquals("group:EMERGENCY", index[tj.migrantsguide.app.model.ContactIndexKind.EMERGENCY])
            assertEquals("contact:RU/ministry-office-russia", index[tj.migrantsguide.app.model.ContactIndexKind.MINISTRY])
            assertEquals("group:CONSULAR", index[tj.migrantsguide.app.model.ContactIndexKind.CONSULAR])
            assertEquals("contact:RU/trafficking-hotline-227-ru", index[tj.migrantsguide.app.model.ContactIndexKind.HOTLINES])
            assertEquals("group:OTHER", index[tj.migrantsguide.app.model.ContactIndexKind.SERVICES])
            // The emergency-only list (SOS) has no index, and keeps the hotlines.
            val sos = tj.migrantsguide.app.model.loadContactsState(content, "RU", Language.RUSSIAN, true, emptySet())
            assertTrue(sos.index.isEmpty())
            assertTrue(sos.groups.flatMap { it.contacts }.any { it.id() == "trafficking-hotline-98-ru" })
            // Every contact is listed once.
            val listed = state.groups.flatMap { g -> g.contacts.map { it.id() } }
            assertEquals(listed.toSet().size, listed.size)
            assertEquals(content.contacts("RU", Language.RUSSIAN).map { it.id() }.toSet(), listed.toSet())
        }
    }
}

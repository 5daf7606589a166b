package tj.migrantsguide.app

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.performSemanticsAction
import androidx.compose.ui.test.runDesktopComposeUiTest
import androidx.compose.ui.text.TextLayoutResult
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.cli.ScreenCatalogue
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme

/**
 * At 200% text in the phone-sized window (412 dp wide), in Tajik and Russian, light and high contrast, no text on
 * any screen is cut: no text layout overflows its width or loses lines, no word is broken across lines, and no
 * text node sticks out of its parent or the window. Each screen's list is scrolled to its end, so that every item
 * is composed and checked, not only the first screenful.
 */
@OptIn(ExperimentalTestApi::class)
class ScreensFitTest {
    @Test
    fun `every screen fits 412 dp at 200 percent text in tajik and russian, light and high contrast`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val problems = mutableListOf<String>()
            for (language in listOf(Language.TAJIK, Language.RUSSIAN)) {
                // A query with hits, so that the search screen shows results too.
                val query = if (language == Language.TAJIK) "боварӣ" else "линия"
                val content = StoreGuideContent(guide.store())
                val named = content.namedSources()
                val screens = ScreenCatalogue(
                    content, StoreUserData(guide.store().user()), StoreSearch(guide.store()), language, "RU", testClock, query = query,
                ).all()
                // High contrast draws 3 dp borders around every card and button: less room for the words.
                for (theme in listOf(Theme.LIGHT, Theme.HIGH_CONTRAST)) {
                    runDesktopComposeUiTest(width = 412, height = WINDOW_HEIGHT) {
                        var index by mutableIntStateOf(0)
                        setContent {
                            // The named sources, as the window provides them (else citations show as file names).
                            GuideTheme(theme, TextSize.LARGEST, language) {
                                androidx.compose.runtime.CompositionLocalProvider(
                                    tj.migrantsguide.app.designsystem.LocalNamedSources provides named,
                                ) { screens[index].second() }
                            }
                        }
                        for (i in screens.indices) {
                            index = i
                            waitForIdle()
                            val name = "${language.code()}/${theme.code()}/${screens[i].first}"
                            problems += checkEveryPage(name, 412f * density.density, WINDOW_HEIGHT * density.density)
                        }
                    }
                }
            }
            assertTrue(problems.isEmpty(), problems.joinToString("\n"))
        }
    }

    /**
     * Checks the texts on screen, then scrolls the screen's list on by half a window and checks again, to its end:
     * every text is checked on a page where it is wholly visible.
     */
    private fun androidx.compose.ui.test.ComposeUiTest.checkEveryPage(name: String, windowWidth: Float, windowHeight: Float): List<String> {
        val found = mutableListOf<String>()
        var anyText = false
        for (page in 0 until MAX_PAGES) {
            val texts = onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.Text), useUnmergedTree = true).fetchSemanticsNodes()
            anyText = anyText || texts.isNotEmpty()
            // A text cut off at the top or bottom (by the window or its list's edge) is checked on another page.
            for (node in texts) if (node.boundsInRoot.height + 1f >= node.size.height) found += cutText(name, node, windowWidth)
            if (page == 0) {
                val bar = texts.firstOrNull { it.config.getOrNull(SemanticsProperties.TestTag) == "bar-title" }
                val layouts = mutableListOf<TextLayoutResult>()
                bar?.config?.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
                if (layouts.any { it.hasVisualOverflow } &&
                    onAllNodes(SemanticsMatcher.expectValue(SemanticsProperties.TestTag, "full-title"), useUnmergedTree = true)
                        .fetchSemanticsNodes().none { it.boundsInRoot.height >= it.size.height - 1f && it.size.height > 0 }
                ) {
                    found += "$name: the top bar cut its title and the full title is not on screen under it"
                }
            }
            val list = onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.VerticalScrollAxisRange))
                .fetchSemanticsNodes()
                .firstOrNull { it.config[SemanticsProperties.VerticalScrollAxisRange].let { r -> r.value() < r.maxValue() } }
                ?: break
            onNode(SemanticsMatcher("the list of $name") { it.id == list.id })
                .performSemanticsAction(SemanticsActions.ScrollBy) { scrollBy -> scrollBy(0f, windowHeight / 2) }
            waitForIdle()
        }
        if (!anyText) found += "$name shows no text"
        return found.distinct()
    }

    private fun wordAround(text: String, at: Int): String {
        var start = at
        while (start > 0 && text[start - 1].isLetter()) start--
        var end = at
        while (end < text.length && text[end].isLetter()) end++
        return text.substring(start, end)
    }

    private companion object {
        const val LONGEST_WORD = 16
        /** A few phone screens tall: fewer pages to scroll through; no single text is taller than half of it. */
        const val WINDOW_HEIGHT = 4000
        const val MAX_PAGES = 60
    }

    private fun cutText(screen: String, node: SemanticsNode, windowWidth: Float): List<String> {
        val text = node.config[SemanticsProperties.Text].joinToString(" ") { it.text }
        val found = mutableListOf<String>()
        val tag = node.config.getOrNull(SemanticsProperties.TestTag)
        // Titles and headings break only at spaces, however long the word; so do numbers.
        val heading = SemanticsProperties.Heading in node.config
        val number = text.matches(Regex("[0-9+()\\-\\s.]+")) && text.count { it.isDigit() } >= 3
        val layouts = mutableListOf<TextLayoutResult>()
        node.config.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
        // A line wider than the text's box, or lines dropped by a line limit. (didOverflowWidth alone also fires on
        // sub-pixel rounding of short single-line texts, hence the 1 px tolerance.)
        for (layout in layouts) {
            val widest = (0 until layout.lineCount).maxOfOrNull { layout.getLineRight(it) } ?: 0f
            if (widest > layout.size.width + 1f) found += "$screen: \"$text\" is wider than its space ($widest > ${layout.size.width})"
            if (tag == "bar-title") {
                // The top bar is one line; a title cut with "…" is shown in full under it.
                if (layout.lineCount != 1) found += "$screen: the top bar's title \"$text\" takes ${layout.lineCount} lines"
            } else if (layout.multiParagraph.didExceedMaxLines) {
                found += "$screen: \"$text\" lost lines to a line limit"
            }
            if (number && layout.lineCount > 1) found += "$screen: the number \"$text\" is broken over ${layout.lineCount} lines"
            if (layout.multiParagraph.height > layout.size.height + 1f) found += "$screen: \"$text\" is cut at the bottom"
            // A word broken between two letters reads as two words. The line breaker does that only to a word wider
            // than the whole line, so this finds layouts that leave too little width. Words of more than
            // LONGEST_WORD letters ("Высококвалифицированный") cannot fit 412 dp at 200% in any layout and may break.
            val laidOut = layout.layoutInput.text.text
            for (line in 0 until layout.lineCount - 1) {
                val end = layout.getLineEnd(line)
                if (end in 1 until laidOut.length && laidOut[end - 1].isLetter() && laidOut[end].isLetter() &&
                    (heading || wordAround(laidOut, end).length <= LONGEST_WORD)
                ) {
                    found += "$screen: \"$text\" breaks a word: ${laidOut.substring(0, end).takeLast(12)}|${laidOut.substring(end).take(12)}"
                }
            }
        }
        val right = node.positionInRoot.x + node.size.width
        if (right > windowWidth + 1f) found += "$screen: \"$text\" runs past the window's edge ($right > $windowWidth)"
        if (node.boundsInRoot.width + 1f < node.size.width) found += "$screen: \"$text\" is clipped by its parent (${node.boundsInRoot} of ${node.size} at ${node.positionInRoot})"
        return found
    }
}

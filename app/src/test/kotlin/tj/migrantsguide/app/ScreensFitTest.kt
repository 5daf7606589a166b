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
import androidx.compose.ui.test.runDesktopComposeUiTest
import androidx.compose.ui.text.TextLayoutResult
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.FileUserData
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.TextSize
import tj.migrantsguide.app.data.ThemeChoice
import tj.migrantsguide.app.ui.GuideTheme
import tj.migrantsguide.guide.Language

/**
 * At 200% text in the phone-sized window (412 dp wide), in Tajik and Russian, no text on any screen is cut: no
 * text layout overflows its width or loses lines, no word is broken across lines, and no text node sticks out of
 * its parent or the window. The window is made very
 * tall so that every item of every list is composed and checked, not only the first screenful.
 */
@OptIn(ExperimentalTestApi::class)
class ScreensFitTest {
    @Test
    fun `every screen fits 412 dp at 200 percent text in tajik and russian`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val problems = mutableListOf<String>()
            for (language in listOf(Language.TAJIK, Language.RUSSIAN)) {
                // A query with hits, so that the search screen shows results too.
                val query = if (language == Language.TAJIK) "хати" else "линия"
                val screens = ScreenCatalogue(
                    StoreGuideContent(guide.store()), FileUserData.open(dir), language, "RU", testClock, query = query,
                ).all()
                runDesktopComposeUiTest(width = 412, height = 8000) {
                    var index by mutableIntStateOf(0)
                    setContent {
                        GuideTheme(ThemeChoice.LIGHT, TextSize.LARGEST, language) { screens[index].second() }
                    }
                    for (i in screens.indices) {
                        index = i
                        waitForIdle()
                        val name = "${language.code()}/${screens[i].first}"
                        val texts = onAllNodes(SemanticsMatcher.keyIsDefined(SemanticsProperties.Text), useUnmergedTree = true)
                            .fetchSemanticsNodes()
                        assertTrue(texts.isNotEmpty(), "$name shows no text")
                        for (node in texts) problems += cutText(name, node, 412f * density.density)
                    }
                }
            }
            assertTrue(problems.isEmpty(), problems.joinToString("\n"))
        }
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
    }

    private fun cutText(screen: String, node: SemanticsNode, windowWidth: Float): List<String> {
        val text = node.config[SemanticsProperties.Text].joinToString(" ") { it.text }
        val found = mutableListOf<String>()
        val layouts = mutableListOf<TextLayoutResult>()
        node.config.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
        // A line wider than the text's box, or lines dropped by a line limit. (didOverflowWidth alone also fires on
        // sub-pixel rounding of short single-line texts, hence the 1 px tolerance.)
        for (layout in layouts) {
            val widest = (0 until layout.lineCount).maxOfOrNull { layout.getLineRight(it) } ?: 0f
            if (widest > layout.size.width + 1f) found += "$screen: \"$text\" is wider than its space ($widest > ${layout.size.width})"
            if (layout.multiParagraph.didExceedMaxLines) found += "$screen: \"$text\" lost lines to a line limit"
            if (layout.multiParagraph.height > layout.size.height + 1f) found += "$screen: \"$text\" is cut at the bottom"
            // A word broken between two letters reads as two words. The line breaker does that only to a word wider
            // than the whole line, so this finds layouts that leave too little width. Words of more than
            // LONGEST_WORD letters ("Высококвалифицированный") cannot fit 412 dp at 200% in any layout and may break.
            val laidOut = layout.layoutInput.text.text
            for (line in 0 until layout.lineCount - 1) {
                val end = layout.getLineEnd(line)
                if (end in 1 until laidOut.length && laidOut[end - 1].isLetter() && laidOut[end].isLetter() &&
                    wordAround(laidOut, end).length <= LONGEST_WORD
                ) {
                    found += "$screen: \"$text\" breaks a word: ${laidOut.substring(0, end).takeLast(12)}|${laidOut.substring(end).take(12)}"
                }
            }
        }
        val right = node.positionInRoot.x + node.size.width
        if (right > windowWidth + 1f) found += "$screen: \"$text\" runs past the window's edge ($right > $windowWidth)"
        if (node.boundsInRoot.width + 1f < node.size.width) found += "$screen: \"$text\" is clipped by its parent"
        return found
    }
}

package tj.migrantsguide.app

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
import androidx.compose.ui.test.performKeyInput
import androidx.compose.ui.test.pressKey
import androidx.compose.ui.test.withKeyDown
import tj.migrantsguide.app.feature.search.SEARCH_PAUSE_MS
import tj.migrantsguide.guide.Language

/** The node that has keyboard focus now, or null. */
@OptIn(ExperimentalTestApi::class)
fun ComposeUiTest.focusedTag(): String? =
    onAllNodes(SemanticsMatcher.expectValue(SemanticsProperties.Focused, true), useUnmergedTree = true)
        .fetchSemanticsNodes()
        .firstNotNullOfOrNull { node -> node.config.getOrNull(SemanticsProperties.TestTag) }

/** Presses Tab until the element tagged [tag] has focus; fails after [limit] presses. */
@OptIn(ExperimentalTestApi::class)
fun ComposeUiTest.tabTo(tag: String, limit: Int = 60) {
    repeat(limit) {
        if (isFocused(tag)) return
        onRoot().performKeyInput { pressKey(Key.Tab) }
        waitForIdle()
    }
    if (!isFocused(tag)) throw AssertionError("Tab never reached $tag (focus is on ${focusedTag()})")
}

@OptIn(ExperimentalTestApi::class)
fun ComposeUiTest.isFocused(tag: String): Boolean =
    onAllNodes(hasTestTag(tag) and SemanticsMatcher.expectValue(SemanticsProperties.Focused, true), useUnmergedTree = true)
        .fetchSemanticsNodes().isNotEmpty()

@OptIn(ExperimentalTestApi::class)
fun ComposeUiTest.press(key: Key, alt: Boolean = false, shift: Boolean = false) {
    onRoot().performKeyInput {
        when {
            alt -> withKeyDown(Key.AltLeft) { pressKey(key) }
            shift -> withKeyDown(Key.ShiftLeft) { pressKey(key) }
            else -> pressKey(key)
        }
    }
    waitForIdle()
}

/** Lets the search screen's pause after typing pass and its search finish. */
@OptIn(ExperimentalTestApi::class)
fun ComposeUiTest.searchSettled() {
    mainClock.advanceTimeBy(SEARCH_PAUSE_MS + 50)
    waitForIdle()
    waitUntil(timeoutMillis = 5_000) {
        onAllNodes(hasTestTag("result-count") or hasTestTag("no-results")).fetchSemanticsNodes().isNotEmpty()
    }
}

/** First start through the screens: [language], then Russia, and the home screen is there. */
@OptIn(ExperimentalTestApi::class)
fun ComposeUiTest.startIn(language: Language) {
    onNodeWithTag("pick:${language.code()}").performClick()
    onNodeWithTag("pick-country").performScrollToNode(hasTestTag("country:RU"))
    onNodeWithTag("country:RU").performClick()
    onNodeWithTag("home").assertExists()
}

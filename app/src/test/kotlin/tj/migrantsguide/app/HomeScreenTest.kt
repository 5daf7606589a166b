package tj.migrantsguide.app

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.hasScrollAction
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.runComposeUiTest
import java.io.PrintStream
import java.time.Clock
import kotlin.io.path.createTempDirectory
import kotlin.test.Test

@OptIn(ExperimentalTestApi::class)
class HomeScreenTest {
    @Test
    fun `home shows the country and its facts from the database and switches language`() {
        val guide = openGuide(createTempDirectory("guide-ui"), Clock.systemUTC(), PrintStream(System.err))!!
        guide.use {
            runComposeUiTest {
                setContent { GuideTheme { HomeScreen(guide.store(), "RU") } }
                onNodeWithText("Федератсияи Россия").assertExists()
                onNode(hasScrollAction()).performScrollToNode(hasText("227-07-07-07"))
                onNodeWithText("227-07-07-07").assertExists()
                onNodeWithText("English").performClick()
                onNodeWithText("Russia").assertExists()
                onNode(hasScrollAction())
                    .performScrollToNode(hasText("Register with the migration authorities within 15 days"))
                onNodeWithText("Register with the migration authorities within 15 days").assertExists()
            }
        }
    }
}

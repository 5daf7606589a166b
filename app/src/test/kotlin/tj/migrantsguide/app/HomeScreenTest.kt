package tj.migrantsguide.app

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
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
                onNodeWithText("227-07-07-07").assertExists()
                onNodeWithText("English").performClick()
                onNodeWithText("Russia").assertExists()
                onNodeWithText("Register with the migration authorities within 15 days").assertExists()
            }
        }
    }
}

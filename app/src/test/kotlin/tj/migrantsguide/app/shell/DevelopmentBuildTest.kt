package tj.migrantsguide.app.shell

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.runComposeUiTest
import java.time.ZoneOffset
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import tj.migrantsguide.app.FakeContent
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.app.feature.settings.AboutContent
import tj.migrantsguide.app.feature.settings.loadAboutState
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Language

/**
 * A build that pins the development key (whose private half is in the repository) says so where a person or a
 * trainer looks: the window title, About and `info` (CommandLineTest). A release build (`-Prelease`) cannot pin
 * it (ReleaseCheckTest), so its title is the app's name alone (issue 18).
 */
@OptIn(ExperimentalTestApi::class)
class DevelopmentBuildTest {
    private val content = FakeContent(listOf(FakeContent.TEST_COUNTRY))

    @Test
    fun `the tests' build pins the development key and so is a development build`() {
        assertTrue(AppFeed.developmentBuild)
    }

    @Test
    fun `a development build's window title says it trusts the development key, in the person's language`() {
        for (language in Language.values()) {
            val strings = Strings.of(language)
            val title = windowTitle(strings, developmentBuild = true)
            assertTrue(title.startsWith(strings[S.APP_NAME]), title)
            assertTrue(title.endsWith(strings[S.DEVELOPMENT_BUILD]), title)
        }
        assertEquals("Migrant's Guide — DEVELOPMENT BUILD: trusts the development key", windowTitle(Strings.of(Language.ENGLISH), true))
    }

    @Test
    fun `a release build's window title is the app's name alone`() {
        for (language in Language.values()) {
            val strings = Strings.of(language)
            assertEquals(strings[S.APP_NAME], windowTitle(strings, developmentBuild = false))
        }
    }

    @Test
    fun `About says first that a development build trusts the development key, and a release build says nothing of it`() {
        for (language in Language.values()) {
            val strings = Strings.of(language)
            runComposeUiTest {
                setContent {
                    GuideTheme(language = language) {
                        AboutContent(loadAboutState(content, language, ZoneOffset.UTC, null, developmentBuild = true)) {}
                    }
                }
                onNodeWithTag("development-build").assertTextContains(strings[S.DEVELOPMENT_BUILD])
                onNodeWithTag("development-build").assertTextContains(strings[S.DEVELOPMENT_BUILD_EXPLAINED])
            }
        }
        runComposeUiTest {
            setContent {
                GuideTheme(language = Language.ENGLISH) {
                    AboutContent(loadAboutState(content, Language.ENGLISH, ZoneOffset.UTC, null, developmentBuild = false)) {}
                }
            }
            onNodeWithTag("about").assertExists()
            onNodeWithTag("development-build").assertDoesNotExist()
        }
    }
}

package tj.migrantsguide.app.feature.guide

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assert
import androidx.compose.ui.test.hasAnyDescendant
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.runComposeUiTest
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.withUserData
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/**
 * An article or checklist whose main fact is not confirmed (`verified: unknown`) says so at the top, as a contact
 * without a verified number does, with the ways to ask; a confirmed one does not (issue 21). Real embedded content.
 */
@OptIn(ExperimentalTestApi::class)
class NotConfirmedTest {
    @Test
    fun `an unconfirmed article says so at the top in each language and offers to ask, a confirmed one does not`(@TempDir dir: Path) {
        for (language in Language.values()) {
            val data = dir.resolve(language.code())
            withUserData(data) { user -> user.updateSettings { it.copy(language = language, country = "RU") } }
            openEmbeddedGuide(data).use { guide ->
                val articles = StoreGuideContent(guide.store()).articles("RU", language)
                val unconfirmed = articles.firstOrNull { it.verified().isEmpty }
                val confirmed = articles.firstOrNull { it.verified().isPresent }
                assertTrue(unconfirmed != null && confirmed != null, "Russia has both kinds of article in ${language.code()}")
                val strings = Strings.of(language)
                val navigator = Navigator()
                runComposeUiTest {
                    setContent { GuideApp(storeServices(guide, data), navigator) }
                    onNodeWithTag("home").assertExists()
                    runOnIdle { navigator.open(Destination.Article(ItemRef(ItemKind.ARTICLE, "RU", unconfirmed!!.id()))) }
                    onNodeWithTag("not-confirmed").assert(hasAnyDescendant(hasText(strings[S.NOT_CONFIRMED])))
                    onNodeWithTag("not-confirmed-ask").performClick()
                    onNodeWithTag("ask").assertExists()
                    runOnIdle { navigator.open(Destination.Article(ItemRef(ItemKind.ARTICLE, "RU", confirmed!!.id()))) }
                    onNodeWithTag("article").assertExists()
                    onNodeWithTag("not-confirmed").assertDoesNotExist()
                }
            }
        }
    }
}

package tj.migrantsguide.app.feature.guide

import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollToNode
import androidx.compose.ui.test.runComposeUiTest
import androidx.compose.ui.semantics.SemanticsProperties
import java.nio.file.Path
import kotlin.test.Test
import kotlin.test.assertTrue
import org.junit.jupiter.api.io.TempDir
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.model.sourceTitles
import tj.migrantsguide.app.navigation.Destination
import tj.migrantsguide.app.navigation.Navigator
import tj.migrantsguide.app.openEmbeddedGuide
import tj.migrantsguide.app.shell.GuideApp
import tj.migrantsguide.app.storeServices
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.app.withUserData
import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef

/**
 * An item's sources are shown by name ("UN Committee on Migrant Workers, third periodic report of Tajikistan, 2024"),
 * never as a file name, with the quoted words on demand (issue 21). Real embedded content, real window composition.
 */
@OptIn(ExperimentalTestApi::class)
class NamedSourcesScreenTest {
    @Test
    fun `an article's sources show titles in each language and its quoted words on demand`(@TempDir dir: Path) {
        for (language in Language.values()) {
            val data = dir.resolve(language.code())
            withUserData(data) { user -> user.updateSettings { it.copy(language = language, country = "RU") } }
            openEmbeddedGuide(data).use { guide ->
                val content = StoreGuideContent(guide.store())
                val article = content.articles("RU", language).first { a -> a.sources().any { it.contains(".txt:") } }
                val navigator = Navigator()
                runComposeUiTest {
                    setContent { GuideApp(storeServices(guide, data), navigator) }
                    onNodeWithTag("home").assertExists()
                    runOnIdle { navigator.open(Destination.Article(ItemRef(ItemKind.ARTICLE, "RU", article.id()))) }
                    onNodeWithTag("article").performScrollToNode(hasTestTag("source-words"))
                    val titles = onAllNodesWithTag("source-title", useUnmergedTree = true).fetchSemanticsNodes()
                        .map { node -> node.config[SemanticsProperties.Text].joinToString { it.text } }
                    assertTrue(titles.isNotEmpty() && titles.none { it.contains(".txt") || it.contains("://") }, "$language: $titles")
                    onNodeWithTag("source-quote", useUnmergedTree = true).assertDoesNotExist()
                    onNodeWithTag("source-words").performClick()
                    onNodeWithTag("article").performScrollToNode(hasTestTag("source-words"))
                    assertTrue(onAllNodesWithTag("source-quote", useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty())
                }
            }
        }
    }

    @Test
    fun `handouts name every cited source of the real guide, never a file name`(@TempDir dir: Path) {
        openEmbeddedGuide(dir).use { guide ->
            val content = StoreGuideContent(guide.store())
            val table = content.namedSources()
            assertTrue(table.size >= 5, "the embedded feed carries the named sources: ${table.size}")
            for (language in Language.values()) {
                val strings = Strings.of(language)
                for (country in content.countries()) {
                    val cited = content.checklists(country.code(), language).map { it.sources() } +
                        content.articles(country.code(), language).map { it.sources() }
                    for (sources in cited) {
                        val names = sourceTitles(strings, language, sources, table)
                        assertTrue(!names.contains(".txt") && !names.contains("://"), "${country.code()} $language: $names")
                    }
                }
            }
            val en = sourceTitles(Strings.of(Language.ENGLISH), Language.ENGLISH,
                listOf("001_83c9d57138334d54.txt:21 | \"due in 2024\""), table)
            assertTrue(en == "UN Committee on Migrant Workers, third periodic report of Tajikistan, 2024", en)
        }
    }
}

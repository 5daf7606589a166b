package tj.migrantsguide.app.cli

import androidx.compose.runtime.Composable
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.unit.Density
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import org.jetbrains.skia.EncodedImageFormat
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.StoreSearch
import tj.migrantsguide.app.data.StoreUserData
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.designsystem.GuideTheme
import tj.migrantsguide.app.model.countryChoices
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage
import tj.migrantsguide.store.TextSize
import tj.migrantsguide.store.Theme

/**
 * `screenshot`: renders one screen to a PNG with no display (Compose's [ImageComposeScene]), from real content —
 * the embedded snapshot in a fresh temporary folder unless `--data` names one. The screen is the same stateless
 * content composable the app shows, fed the state its stateful screen would load.
 */
object Screenshot {
    /** The screens the command knows; the first seven are the documented ones. */
    val SCREENS = listOf(
        "home", "guide", "contacts", "checklist", "search", "ask", "settings",
        "article", "checklists", "emergency", "saved", "about", "welcome", "country",
        "dates", "date-entry", "date-entry-error",
        "article-unconfirmed", "article-sources", "ask-report",
    )

    /**
     * Issue 17's screens: the notice after an update (over home), What changed, the share screen while sharing.
     * Not in `all`: they need a data folder with an update (`--data`, docs/screens/make-changes.sh).
     */
    val CHANGE_SCREENS = listOf("updated", "changes", "share")

    const val DEFAULT_COUNTRY = "RU"

    /** `--screen all`: every screen, into the folder given as `--out`. */
    const val ALL = "all"

    /** `home-tg.png`, `home-tg-dark.png`, `home-ru-200.png`, `home-tg-high-contrast-200.png`… */
    fun fileName(screen: String, r: Request): String {
        val look = when (r.theme) {
            Theme.LIGHT -> ""
            Theme.DARK -> "-dark"
            Theme.HIGH_CONTRAST -> "-high-contrast"
        }
        val size = if (r.fontScale == 1f) "" else "-" + Math.round(r.fontScale * 100)
        return "$screen-${r.language.code()}$look$size.png"
    }

    data class Request(
        val screen: String,
        val language: Language,
        val theme: Theme,
        val fontScale: Float,
        val country: String?,
        val width: Int,
        val height: Int,
        val density: Float,
        val out: Path,
        val dataDirectory: Path?,
        val query: String,
        val stage: Stage?,
    )

    fun run(request: Request, out: PrintStream, err: PrintStream, clock: Clock = Clock.systemUTC()): Int {
        val data = request.dataDirectory ?: Files.createTempDirectory("migrants-guide-screenshot")
        val guide = openGuide(data, clock, err) ?: return 1
        try {
            val content = StoreGuideContent(guide.store()) { tj.migrantsguide.app.sync.AppFeed.pinnedKeys }
            val userData = StoreUserData(guide.store().user())
            // Russia by default: where most people using the guide work (and the country the docs show).
            val country = request.country
                ?: content.countries().firstOrNull { it.code() == DEFAULT_COUNTRY }?.code()
                ?: countryChoices(content.countries(), request.language).firstOrNull()?.code
            if (country == null) {
                err.println("error: the guide has no countries to show")
                return 1
            }
            if (content.countries().none { it.code() == country }) {
                err.println("error: no country $country in the guide (have: ${content.countries().joinToString { it.code() }})")
                return 1
            }
            if (request.screen in ClassModeScreenshot.SCREENS) {
                return ClassModeScreenshot.shoot(content, country, request, out, err)
            }
            val named = content.namedSources()
            val catalogue = ScreenCatalogue(
                content, userData, StoreSearch(guide.store()), request.language, country, clock, request.query, request.stage,
                request.theme, TextSize.nearest(request.fontScale),
                tj.migrantsguide.app.data.StoreDateBook(guide.store(), clock),
            )
            if (request.screen == ALL) {
                // Every screen into the folder --out, named by screen, language and look (docs/screens/make.sh).
                Files.createDirectories(request.out)
                for (name in SCREENS) {
                    val file = request.out.resolve(fileName(name, request))
                    Files.write(file, render(request) { WithSources(named) { catalogue.screen(name)!!() } })
                    out.println("written: $file")
                }
                return 0
            }
            val screen = catalogue.screen(request.screen) ?: run {
                err.println("error: unknown screen ${request.screen} (known: ${SCREENS.joinToString()})")
                return 2
            }
            val png = render(request) { WithSources(named) { screen() } }
            request.out.toAbsolutePath().parent?.let { Files.createDirectories(it) }
            Files.write(request.out, png)
            out.println("written: ${request.out}")
            return 0
        } finally {
            guide.close()
            if (request.dataDirectory == null) data.toFile().deleteRecursively()
        }
    }

    /** The named sources, as the window provides them to every screen (issue 21). */
    @Composable
    private fun WithSources(named: List<tj.migrantsguide.guide.NamedSource>, content: @Composable () -> Unit) =
        androidx.compose.runtime.CompositionLocalProvider(tj.migrantsguide.app.designsystem.LocalNamedSources provides named) { content() }

    /** Renders a few frames (so that effects settle) and encodes the last as PNG. */
    fun render(r: Request, content: @Composable () -> Unit): ByteArray {
        val width = (r.width * r.density).toInt()
        val height = (r.height * r.density).toInt()
        val scene = ImageComposeScene(width, height, Density(r.density)) {
            GuideTheme(r.theme, r.fontScale, r.language) { content() }
        }
        try {
            var image = scene.render(0)
            for (frame in 1..3) image = scene.render(frame * 100_000_000L)
            return image.encodeToData(EncodedImageFormat.PNG)?.bytes ?: error("PNG encoding failed")
        } finally {
            scene.close()
        }
    }
}

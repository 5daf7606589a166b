package tj.migrantsguide.app.cli

import java.io.PrintStream
import java.nio.file.Files
import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.app.data.Settings
import tj.migrantsguide.app.feature.classmode.ClassChoice
import tj.migrantsguide.app.feature.classmode.ClassTopic
import tj.migrantsguide.app.feature.classmode.SessionUserData
import tj.migrantsguide.app.feature.classmode.Slide
import tj.migrantsguide.app.feature.classmode.SlideShow
import tj.migrantsguide.app.feature.classmode.loadClassDeck
import tj.migrantsguide.app.handout.AppDownload
import tj.migrantsguide.guide.Stage

/**
 * Class mode's slides for the `screenshot` command (docs, and trainers preparing a class on paper):
 * `--screen class-opening|class-article|class-checklist|class-contacts|class-app`, best at `--width 1920 --height 1080`.
 * The stage is `--stage` (default: before departure).
 */
object ClassModeScreenshot {
    val SCREENS = listOf("class-opening", "class-article", "class-checklist", "class-contacts", "class-app")

    fun shoot(content: GuideContent, country: String, request: Screenshot.Request, out: PrintStream, err: PrintStream): Int {
        val stage = request.stage ?: Stage.BEFORE_DEPARTURE
        val topic = if (request.screen == "class-contacts") ClassTopic.Contacts else ClassTopic.OfStage(stage)
        val deck = loadClassDeck(content, ClassChoice(country, request.language, topic), AppDownload.url)
        val index = when (request.screen) {
            "class-opening" -> 0
            "class-article" -> deck.indexOfFirst { it is Slide.ArticleSlide }
            "class-checklist" -> deck.indexOfFirst { it is Slide.ChecklistSlide }
            "class-contacts" -> deck.indexOfFirst { it is Slide.ContactsSlide }
            else -> deck.lastIndex
        }
        if (index < 0) {
            err.println("error: no slide for ${request.screen} in $country (${stage.code()})")
            return 1
        }
        val person = SessionUserData(Settings(request.language, country, theme = request.theme))
        val png = Screenshot.render(request) { SlideShow(deck, request.language, person, onLeave = {}, startAt = index) }
        request.out.toAbsolutePath().parent?.let { Files.createDirectories(it) }
        Files.write(request.out, png)
        out.println("written: ${request.out}")
        return 0
    }
}

package tj.migrantsguide.app.handout

import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.staticCompositionLocalOf
import java.awt.Desktop
import java.awt.FileDialog
import java.awt.Frame
import java.awt.GraphicsEnvironment
import java.io.IOException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import tj.migrantsguide.app.navigation.AppController
import tj.migrantsguide.app.navigation.UiAction
import tj.migrantsguide.app.text.S
import tj.migrantsguide.guide.Language

/** "Print / Save PDF" on a screen: the screen's stateful part knows which handout that is. */
data object PrintThisHandout : UiAction

/** Where a handout goes: asks the person (a save dialog), and shows the result. */
interface HandoutDestination {
    /** The file to write, or null when the person cancelled. Called on the UI thread. */
    fun choose(suggestedName: String, dialogTitle: String): Path?

    /** The handout is at [file]: show it (the system's PDF viewer prints). False when nothing could show it. */
    fun show(file: Path): Boolean
}

/**
 * The computer's own save dialog (AWT [FileDialog]: it follows the desktop and is reachable by keyboard), starting
 * in the Documents folder, and the system's PDF viewer afterwards. With no display (a server, the tests' default)
 * there is no dialog: the file goes to Documents (or the home folder) under its suggested name.
 */
object SystemHandoutDestination : HandoutDestination {
    override fun choose(suggestedName: String, dialogTitle: String): Path? {
        val home = Path.of(System.getProperty("user.home"))
        val folder = home.resolve("Documents").takeIf { Files.isDirectory(it) } ?: home
        if (GraphicsEnvironment.isHeadless()) return folder.resolve(suggestedName)
        val dialog = FileDialog(null as Frame?, dialogTitle, FileDialog.SAVE)
        dialog.directory = folder.toString()
        dialog.file = suggestedName
        dialog.isVisible = true
        val name = dialog.file ?: return null
        val chosen = Path.of(dialog.directory ?: folder.toString()).resolve(name)
        return if (name.lowercase().endsWith(".pdf")) chosen else chosen.resolveSibling("$name.pdf")
    }

    override fun show(file: Path): Boolean {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) return false
        val desktop = Desktop.getDesktop()
        if (!desktop.isSupported(Desktop.Action.OPEN)) return false
        // Off the UI thread: some desktops take a second to start the viewer.
        Thread({ runCatching { desktop.open(file.toFile()) } }, "open-handout").apply { isDaemon = true }.start()
        return true
    }
}

/** Tests give their own destination (a temporary folder); the app uses the system's. */
val LocalHandoutDestination = staticCompositionLocalOf<HandoutDestination> { SystemHandoutDestination }

/**
 * What a screen calls for [PrintThisHandout]: asks where to save, writes the PDF off the UI thread (complete, then
 * moved into place), says where it is, and opens it for printing.
 */
@Composable
fun rememberHandoutPrinter(controller: AppController): (HandoutRequest, Language) -> Unit {
    val destination = LocalHandoutDestination.current
    val scope = rememberCoroutineScope()
    return remember(controller, destination) {
        { request, language ->
            val strings = controller.strings
            val file = destination.choose(HandoutMaker.fileName(request, language), strings[S.HANDOUT_DIALOG_TITLE])
            if (file != null) {
                scope.launch {
                    val failure = withContext(controller.services.background) {
                        try {
                            writeHandout(HandoutMaker(controller.services.content, AppDownload.url, controller.services.clock), request, language, file)
                            null
                        } catch (e: HandoutNotMade) {
                            e.message
                        } catch (e: IOException) {
                            e.message ?: e.toString()
                        }
                    }
                    if (failure == null) {
                        destination.show(file)
                        controller.say(strings[S.HANDOUT_SAVED, "file" to file.toString()])
                    } else {
                        controller.say(strings[S.HANDOUT_NOT_SAVED, "reason" to failure])
                    }
                }
            }
        }
    }
}

/** Writes beside [file] first: a failure leaves no half-written PDF, and an older file is replaced only at the end. */
private fun writeHandout(maker: HandoutMaker, request: HandoutRequest, language: Language, file: Path) {
    val folder = file.toAbsolutePath().parent
    Files.createDirectories(folder)
    val temporary = Files.createTempFile(folder, ".handout-", ".pdf.part")
    try {
        Files.newOutputStream(temporary).use { maker.write(request, language, it) }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING)
    } finally {
        Files.deleteIfExists(temporary)
    }
}

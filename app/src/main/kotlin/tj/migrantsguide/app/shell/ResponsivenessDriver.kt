package tj.migrantsguide.app.shell

import androidx.compose.ui.awt.ComposeWindow
import java.awt.Component
import java.awt.EventQueue
import java.awt.Toolkit
import java.awt.event.InputEvent
import java.awt.event.KeyEvent
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import kotlin.concurrent.thread
import kotlin.system.exitProcess
import tj.migrantsguide.app.feature.search.SEARCH_PAUSE_MS
import tj.migrantsguide.app.system.Shown
import tj.migrantsguide.app.system.ShownMarks

/**
 * The responsiveness benchmark's driver (bench's `KeystrokeBenchmark`; not a command of the app):
 * `java -cp migrants-guide.jar tj.migrantsguide.app.shell.ResponsivenessDriverKt --data DIR --queries FILE
 * --out FILE --taps N`. It opens the real window on DIR exactly as the app does ([openWindow]) and, from a thread of
 * the same JVM, presses keys in it as a keyboard does: AWT key events (pressed, typed, released) posted to the
 * window's event queue, as the toolkit posts those of a real key.
 *
 * Each sample runs from the moment the key's first event is posted to the draw pass of the first frame that shows
 * its result ([ShownMarks]: the marked node has just drawn itself and its children with the answer; what is left of
 * that frame is copying it to the screen). Measured, in this order:
 * - `tap`: on the home screen with content, settled, F1 (one key) to the first emergency number on the emergency
 *   numbers screen; then Esc back home. [taps] times, the first two not counted (`warm 1`); none when 0.
 * - `key`: Ctrl+F opens search (and its first frame is awaited); each query of the file (one a line) is typed character by character, each key
 *   timed to the frame showing the hits (or "nothing found") for the text now in the field; then Esc home. The
 *   first `--warmup` queries (default 3) are marked `warm 1`.
 *
 * Writes to `--out` the search's pause after typing (`pause <TAB> ms`, part of every keystroke's time) and one
 * line per sample: `tap <TAB> warm <TAB> ms` or `key <TAB> warm <TAB> query# <TAB> letters
 * typed <TAB> ms <TAB> text`, then exits (status 0; 3 when a frame never came, with the reason on stderr).
 */
fun main(args: Array<String>) {
    val options = args.toList().chunked(2).associate { (name, value) -> name to value }
    val data = Path.of(options.getValue("--data"))
    val queries = Files.readAllLines(Path.of(options.getValue("--queries")), StandardCharsets.UTF_8).filter { it.isNotEmpty() }
    val out = Path.of(options.getValue("--out"))
    val taps = options["--taps"]?.toInt() ?: 10
    val warmup = options["--warmup"]?.toInt() ?: 3
    val marks = MarkWatch()
    ShownMarks.listen(marks::drawn)
    // Expected before the window exists: its first home frame must not be missed.
    marks.expect(Shown.Home)
    thread(name = "responsiveness-driver", isDaemon = true) {
        val status = try {
            val lines = Driver(marks).run(queries, taps, warmup)
            Files.write(out, lines, StandardCharsets.UTF_8)
            0
        } catch (e: Throwable) {
            System.err.println("responsiveness driver: ${e.message}")
            e.printStackTrace()
            3
        }
        exitProcess(status)
    }
    openWindow(data)
}

/** A frame that should have come did not (the key went nowhere, or the screen failed). */
private class FrameNeverCame(what: Shown, ms: Long) : Exception("no frame showing $what within $ms ms")

/** The first draw of the mark awaited, with the System.nanoTime it happened at. */
private class MarkWatch {
    private val lock = Object()
    private var wanted: Shown? = null
    private var drawnAt = 0L

    /** Called in the draw pass on the UI thread: notes the time and returns. */
    fun drawn(shown: Shown) {
        val now = System.nanoTime()
        synchronized(lock) {
            if (drawnAt == 0L && shown == wanted) {
                drawnAt = now
                lock.notifyAll()
            }
        }
    }

    fun expect(shown: Shown) = synchronized(lock) {
        wanted = shown
        drawnAt = 0L
    }

    fun await(timeoutMs: Long): Long = synchronized(lock) {
        val deadline = System.nanoTime() + timeoutMs * 1_000_000
        while (drawnAt == 0L) {
            val left = (deadline - System.nanoTime()) / 1_000_000
            if (left <= 0) throw FrameNeverCame(wanted!!, timeoutMs)
            lock.wait(left)
        }
        drawnAt
    }
}

private class Driver(private val marks: MarkWatch) {
    private val lines = mutableListOf<String>()

    fun run(queries: List<String>, taps: Int, warmup: Int): List<String> {
        marks.await(START_TIMEOUT_MS)
        val window = composeWindow()
        // The sync's first attempt and the rest of the start happen now, not under the first samples.
        Thread.sleep(SETTLE_MS)
        lines += "pause\t$SEARCH_PAUSE_MS"
        for (i in 0 until if (taps > 0) taps + TAP_WARMUP else 0) {
            val ms = timed(Shown.EmergencyNumbers) { press(window, KeyEvent.VK_F1) }
            lines += "tap\t${if (i < TAP_WARMUP) 1 else 0}\t$ms"
            Thread.sleep(BETWEEN_MS)
            timed(Shown.Home) { press(window, KeyEvent.VK_ESCAPE, '\u001b') }
            Thread.sleep(BETWEEN_MS)
        }
        queries.forEachIndexed { index, query ->
            timed(Shown.SearchOpen) { press(window, KeyEvent.VK_F, modifiers = InputEvent.CTRL_DOWN_MASK) }
            // The search screen focuses its field as it opens (an effect of its first composition).
            Thread.sleep(OPEN_SEARCH_MS)
            for (letters in 1..query.length) {
                val text = query.substring(0, letters)
                val ms = timed(Shown.SearchAnswer(text)) { type(window, query[letters - 1]) }
                lines += "key\t${if (index < warmup) 1 else 0}\t$index\t$letters\t$ms\t$text"
                Thread.sleep(BETWEEN_KEYS_MS)
            }
            timed(Shown.Home) { press(window, KeyEvent.VK_ESCAPE, '\u001b') }
            Thread.sleep(BETWEEN_MS)
        }
        return lines
    }

    /** Milliseconds from just before [keys] posts its first event to the first draw showing [result]. */
    private fun timed(result: Shown, keys: () -> Unit): Double {
        marks.expect(result)
        val start = System.nanoTime()
        keys()
        return (marks.await(FRAME_TIMEOUT_MS) - start) / 1e6
    }

    /** The app's window, once it is on the screen (Compose draws the first frame before it shows the window). */
    private fun composeWindow(): ComposeWindow {
        val deadline = System.nanoTime() + FRAME_TIMEOUT_MS * 1_000_000
        while (System.nanoTime() < deadline) {
            java.awt.Window.getWindows().filterIsInstance<ComposeWindow>().firstOrNull { it.isShowing }?.let { return it }
            Thread.sleep(20)
        }
        throw IllegalStateException("the home screen was drawn but no window is showing")
    }

    /** Where a real key's events go: the window's focused component (Compose's canvas). */
    private fun target(window: ComposeWindow): Component {
        var owner: Component? = null
        EventQueue.invokeAndWait { owner = window.focusOwner ?: window.mostRecentFocusOwner }
        return owner ?: throw IllegalStateException("nothing in the window has the keyboard focus")
    }

    private fun press(window: ComposeWindow, code: Int, char: Char = KeyEvent.CHAR_UNDEFINED, modifiers: Int = 0) {
        val to = target(window)
        if (modifiers and InputEvent.CTRL_DOWN_MASK != 0) post(to, KeyEvent.KEY_PRESSED, KeyEvent.VK_CONTROL, KeyEvent.CHAR_UNDEFINED, modifiers)
        post(to, KeyEvent.KEY_PRESSED, code, char, modifiers)
        if (char != KeyEvent.CHAR_UNDEFINED && modifiers == 0) post(to, KeyEvent.KEY_TYPED, KeyEvent.VK_UNDEFINED, char, 0)
        post(to, KeyEvent.KEY_RELEASED, code, char, modifiers)
        if (modifiers and InputEvent.CTRL_DOWN_MASK != 0) post(to, KeyEvent.KEY_RELEASED, KeyEvent.VK_CONTROL, KeyEvent.CHAR_UNDEFINED, 0)
    }

    /** A letter as a keyboard types it: its key (the layout's code for the letter), the character, the release. */
    private fun type(window: ComposeWindow, char: Char) {
        val code = if (char == ' ') KeyEvent.VK_SPACE else KeyEvent.getExtendedKeyCodeForChar(char.code)
        press(window, code, char)
    }

    private fun post(to: Component, id: Int, code: Int, char: Char, modifiers: Int) {
        val location = if (id == KeyEvent.KEY_TYPED) KeyEvent.KEY_LOCATION_UNKNOWN else KeyEvent.KEY_LOCATION_STANDARD
        Toolkit.getDefaultToolkit().systemEventQueue.postEvent(KeyEvent(to, id, System.currentTimeMillis(), modifiers, code, char, location))
    }

    companion object {
        const val START_TIMEOUT_MS = 120_000L
        const val FRAME_TIMEOUT_MS = 15_000L
        const val SETTLE_MS = 1_500L
        const val OPEN_SEARCH_MS = 200L
        const val BETWEEN_MS = 250L
        /** About a fast typist's pace once the hits are there: the next key does not land on the frame still being copied. */
        const val BETWEEN_KEYS_MS = 60L
        const val TAP_WARMUP = 2
    }
}

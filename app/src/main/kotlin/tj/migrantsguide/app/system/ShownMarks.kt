package tj.migrantsguide.app.system

import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.drawWithContent

/** What a frame showed, for the responsiveness benchmark (`shell/ResponsivenessDriver.kt`, docs/performance.md). */
sealed interface Shown {
    /** The home screen with content (its emergency card). */
    data object Home : Shown

    /** The search screen open with nothing typed yet. */
    data object SearchOpen : Shown

    /** The search screen showing the answer (the hits, or "nothing found") to [query], exactly as typed. */
    data class SearchAnswer(val query: String) : Shown

    /** The emergency numbers screen (SOS) showing its first number. */
    data object EmergencyNumbers : Shown
}

/**
 * Tells a listener when a screen's content is drawn: each time the marked node draws (the first draw after a key is
 * the frame that shows the key's result). Only the responsiveness benchmark listens; without a listener no marked
 * node is even wrapped, so the screens pay nothing.
 */
object ShownMarks {
    @Volatile
    private var listener: ((Shown) -> Unit)? = null

    val listening: Boolean get() = listener != null

    /** Called on the UI thread, in the draw pass: it must only note the time and return. */
    fun listen(listener: (Shown) -> Unit) {
        this.listener = listener
    }

    internal fun drawn(shown: Shown) {
        listener?.invoke(shown)
    }
}

/** Marks this node's draw as [shown] (null: nothing shown yet), told after its content and children are drawn. */
fun Modifier.markShown(shown: Shown?): Modifier =
    if (shown == null || !ShownMarks.listening) this else drawWithContent {
        drawContent()
        ShownMarks.drawn(shown)
    }

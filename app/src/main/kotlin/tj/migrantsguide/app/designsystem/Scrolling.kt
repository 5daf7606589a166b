package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.gestures.scrollBy
import androidx.compose.foundation.lazy.LazyListState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEvent
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.type
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch

/**
 * Page Up / Page Down and the arrow keys scroll the screen's list. The screen's list registers itself
 * ([ScrollsWithKeys]); the app's root hands it the keys nothing else used (a focused text field keeps its arrows),
 * so the keys work whether the screen itself or a button in the list has focus.
 */
class ListScroller {
    private var list: LazyListState? = null

    fun register(state: LazyListState) {
        list = state
    }

    fun unregister(state: LazyListState) {
        if (list === state) list = null
    }

    /** True when [event] was a scrolling key and there was a list to scroll. */
    fun onKey(event: KeyEvent, scope: CoroutineScope): Boolean {
        val list = list ?: return false
        val page = list.layoutInfo.viewportSize.height.toFloat()
        val by = when (event.key) {
            Key.PageDown -> page * PAGE
            Key.PageUp -> -page * PAGE
            Key.DirectionDown -> page * LINE
            Key.DirectionUp -> -page * LINE
            else -> return false
        }
        if (event.type == KeyEventType.KeyDown && page > 0f) scope.launch { list.scrollBy(by) }
        return true
    }

    private companion object {
        /** A page keeps a little of the previous one in view, so the eye finds its place. */
        const val PAGE = 0.85f
        const val LINE = 0.12f
    }
}

val LocalListScroller = staticCompositionLocalOf<ListScroller?> { null }

/** Makes [list] the one Page Up / Page Down and the arrows scroll while it is on screen. */
@Composable
fun ScrollsWithKeys(list: LazyListState) {
    val scroller = LocalListScroller.current ?: return
    DisposableEffect(scroller, list) {
        scroller.register(list)
        onDispose { scroller.unregister(list) }
    }
}

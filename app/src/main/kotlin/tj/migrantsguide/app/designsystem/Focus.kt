package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.Composable
import androidx.compose.runtime.MutableState
import androidx.compose.runtime.currentCompositeKeyHash
import androidx.compose.runtime.getValue
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.composed
import androidx.compose.ui.draw.drawWithContent
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.focus.onFocusChanged
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Shape
import androidx.compose.ui.graphics.drawOutline
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.graphics.drawscope.translate
import androidx.compose.ui.unit.dp

/**
 * A clear ring around the element while it has keyboard focus. Material's own focus indication on desktop is a
 * faint overlay that disappears on a projector. This draws two rings, 3 dp in the theme's focus colour and, just
 * inside it, 2 dp in a halo colour, so the ring shows on any background: the teal top bar, a white card, a red
 * emergency card (the two-colour indicator of WCAG technique C40). Put it before the element's clickable in the
 * chain (e.g. as the `modifier` of a Button), so that it sees that element's focus.
 */
fun Modifier.focusRing(shape: Shape = RoundedCornerShape(12.dp)): Modifier = composed {
    var focused by remember { mutableStateOf(false) }
    val colors = LocalGuideColors.current
    // Back to a screen: the control that had focus when the person left it takes it again ([FocusMemory]).
    val memory = LocalFocusMemory.current
    val place = currentCompositeKeyHash
    val requester = remember { FocusRequester() }
    if (memory != null && memory.shouldRestore(place)) {
        LaunchedEffect(Unit) {
            runCatching { requester.requestFocus() }
            memory.restored()
        }
    }
    this
        .focusRequester(requester)
        .onFocusChanged {
            focused = it.isFocused
            if (it.isFocused) memory?.focused(place)
        }
        .drawWithContent {
            drawContent()
            if (focused) {
                val outer = 3.dp.toPx()
                val inner = 2.dp.toPx()
                drawOutline(shape.createOutline(size, layoutDirection, this), colors.focus, style = Stroke(outer * 2))
                val inset = outer
                val innerSize = Size(size.width - inset * 2, size.height - inset * 2)
                if (innerSize.width > 0 && innerSize.height > 0) {
                    translate(inset, inset) {
                        drawOutline(shape.createOutline(innerSize, layoutDirection, this), colors.focusHalo, style = Stroke(inner * 2))
                    }
                }
            }
        }
}


/** Takes the keyboard focus when first composed: a dialog's confirm button, so that Enter confirms at once. */
fun Modifier.focusedOnOpen(): Modifier = composed {
    val requester = remember { FocusRequester() }
    // runCatching: a dialog closed in the same frame has no focus target left to take it.
    LaunchedEffect(Unit) { runCatching { requester.requestFocus() } }
    this.focusRequester(requester)
}

/**
 * Which control of a screen last had focus, by its place in the composition, kept with the screen's saved state
 * while it is in the back stack: Back returns the focus there ([focusRing] does both), not to the top of the screen.
 */
class FocusMemory(private val saved: MutableState<Int?>) {
    private var restoring = saved.value != null

    fun focused(place: Int) {
        saved.value = place
    }

    fun shouldRestore(place: Int): Boolean = restoring && saved.value == place

    fun restored() {
        restoring = false
    }
}

/** The memory of the screen being composed: call it inside the screen's saveable state (the shell does). */
@Composable
fun rememberFocusMemory(): FocusMemory {
    val saved = rememberSaveable { mutableStateOf<Int?>(null) }
    return remember { FocusMemory(saved) }
}

val LocalFocusMemory = staticCompositionLocalOf<FocusMemory?> { null }

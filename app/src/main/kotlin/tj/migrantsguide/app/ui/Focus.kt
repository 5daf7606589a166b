package tj.migrantsguide.app.ui

import androidx.compose.foundation.border
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.composed
import androidx.compose.ui.focus.onFocusChanged
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Shape
import androidx.compose.ui.unit.dp

/**
 * A clear ring around the element while it has keyboard focus. Material's own focus indication on desktop is a
 * faint overlay that disappears on a projector; a 3 dp ring in the theme's focus colour (yellow in high contrast)
 * does not. Put it before the element's clickable in the chain (e.g. as the `modifier` of a Button).
 */
fun Modifier.focusRing(shape: Shape = RoundedCornerShape(12.dp)): Modifier = composed {
    var focused by remember { mutableStateOf(false) }
    val color = LocalGuideColors.current.focus
    this
        .onFocusChanged { focused = it.isFocused }
        .border(width = 3.dp, color = if (focused) color else Color.Transparent, shape = shape)
}

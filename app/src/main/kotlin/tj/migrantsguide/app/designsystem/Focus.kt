package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.composed
import androidx.compose.ui.draw.drawWithContent
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
    this
        .onFocusChanged { focused = it.isFocused }
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


package tj.migrantsguide.app.designsystem

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.background
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import io.nayuki.qrcodegen.QrCode

/**
 * A QR code of [text], black on white whatever the theme (scanners need the contrast), with its quiet zone: class
 * mode's "Get the guide" slide and the share screen.
 */
@Composable
fun QrCodeBox(text: String, modifier: Modifier = Modifier) {
    val code = remember(text) { QrCode.encodeText(text, QrCode.Ecc.MEDIUM) }
    Canvas(modifier.background(Color.White).semantics { contentDescription = text }) {
        val modules = code.size + 8
        val cell = minOf(size.width, size.height) / modules
        for (y in 0 until code.size) {
            for (x in 0 until code.size) {
                if (code.getModule(x, y)) {
                    drawRect(Color.Black, Offset((x + 4) * cell, (y + 4) * cell), Size(cell + 0.5f, cell + 0.5f))
                }
            }
        }
    }
}

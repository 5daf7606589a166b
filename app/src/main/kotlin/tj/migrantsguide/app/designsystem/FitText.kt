package tj.migrantsguide.app.designsystem

import androidx.compose.material3.LocalContentColor
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableFloatStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.drawWithContent
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.TextLayoutResult
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.isSpecified

/**
 * A phone number (or any number) on one line: at large text sizes it is drawn smaller rather than broken over two
 * lines, where "+7 (495) 967-" / "98-44" reads as two numbers. Never below half its size (then it may be cut, which
 * no screen at 200 % in 412 dp comes near).
 */
@Composable
fun NumberText(
    text: AnnotatedString,
    style: TextStyle,
    modifier: Modifier = Modifier,
    fontWeight: FontWeight? = null,
    color: Color = Color.Unspecified,
) {
    FittedText(text, style, modifier, fontWeight, color, oneLine = true) { layout -> layout.didOverflowWidth }
}

@Composable
fun NumberText(text: String, style: TextStyle, modifier: Modifier = Modifier, fontWeight: FontWeight? = null, color: Color = Color.Unspecified) =
    NumberText(AnnotatedString(text), style, modifier, fontWeight, color)

/**
 * A title that breaks only at spaces: when one of its words is wider than the line (Russian «Представительство» at
 * 200 % text in a phone-wide window), the whole title is drawn a little smaller until every word fits, instead of
 * being broken between two letters. (Compose on the desktop has no hyphenation.)
 */
@Composable
fun WholeWordsText(
    text: AnnotatedString,
    style: TextStyle,
    modifier: Modifier = Modifier,
    fontWeight: FontWeight? = null,
    color: Color = Color.Unspecified,
) {
    FittedText(text, style, modifier, fontWeight, color, oneLine = false, ::breaksAWord)
}

@Composable
fun WholeWordsText(text: String, style: TextStyle, modifier: Modifier = Modifier, fontWeight: FontWeight? = null, color: Color = Color.Unspecified) =
    WholeWordsText(AnnotatedString(text), style, modifier, fontWeight, color)

/** A line of [layout] ends between two letters: a word was broken because it did not fit the line. */
fun breaksAWord(layout: TextLayoutResult): Boolean {
    val text = layout.layoutInput.text.text
    for (line in 0 until layout.lineCount - 1) {
        val end = layout.getLineEnd(line)
        if (end in 1 until text.length && text[end - 1].isLetterOrDigit() && text[end].isLetterOrDigit()) return true
    }
    return false
}

@Composable
private fun FittedText(
    text: AnnotatedString,
    style: TextStyle,
    modifier: Modifier,
    fontWeight: FontWeight?,
    color: Color,
    oneLine: Boolean,
    tooBig: (TextLayoutResult) -> Boolean,
) {
    val contentColor = LocalContentColor.current
    var scale by remember(text, style) { mutableFloatStateOf(1f) }
    var settled by remember(text, style) { mutableFloatStateOf(0f) }
    Text(
        text,
        style = style.copy(
            fontSize = if (style.fontSize.isSpecified) style.fontSize * scale else style.fontSize,
            lineHeight = if (style.lineHeight.isSpecified) style.lineHeight * scale else style.lineHeight,
        ),
        fontWeight = fontWeight,
        color = if (color == Color.Unspecified) style.color.takeOrElse { contentColor } else color,
        maxLines = if (oneLine) 1 else Int.MAX_VALUE,
        softWrap = !oneLine,
        overflow = TextOverflow.Clip,
        onTextLayout = { layout ->
            if (tooBig(layout) && scale > MIN_SCALE) scale = (scale * STEP).coerceAtLeast(MIN_SCALE) else settled = scale
        },
        // Not drawn while it is still shrinking, so that no frame shows the broken version.
        modifier = modifier.drawWithContent { if (settled == scale) drawContent() },
    )
}

private fun Color.takeOrElse(other: () -> Color): Color = if (this == Color.Unspecified) other() else this

private const val STEP = 0.92f
private const val MIN_SCALE = 0.5f

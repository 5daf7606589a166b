package tj.migrantsguide.app.handout

import io.nayuki.qrcodegen.QrCode
import java.awt.Color
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.pdmodel.PDPage
import org.apache.pdfbox.pdmodel.PDPageContentStream
import org.apache.pdfbox.pdmodel.common.PDRectangle
import org.apache.pdfbox.pdmodel.font.PDFont
import org.apache.pdfbox.pdmodel.font.PDType0Font

/**
 * A tiny flowing layout on A4 pages: paragraphs wrapped by measured width, new pages when one fills up, a footer on
 * every page. PDFBox draws glyphs only; line breaking is ours.
 */
internal class PdfLayout(private val document: PDDocument, private val footer: (page: Int, pages: Int) -> String) {
    val regular: PDFont = loadFont("NotoSans-Regular.ttf")
    val bold: PDFont = loadFont("NotoSans-Bold.ttf")

    private val pageSize = PDRectangle.A4
    private val margin = 56f
    private val footerSpace = 36f
    private val width = pageSize.width - 2 * margin
    private val pages = mutableListOf<PDPage>()
    private var stream: PDPageContentStream? = null
    private var y = 0f

    /** Text with its style: the unit of [paragraph]. */
    data class Style(val size: Float, val bold: Boolean = false, val color: Color = Color.BLACK, val indent: Float = 0f)

    fun paragraph(text: String, style: Style, spaceAfter: Float = style.size * 0.5f) {
        val font = if (style.bold) bold else regular
        val lineHeight = style.size * 1.35f
        for (line in wrap(text, font, style.size, width - style.indent)) {
            ensureRoom(lineHeight)
            y -= lineHeight
            val s = stream!!
            s.beginText()
            s.setFont(font, style.size)
            s.setNonStrokingColor(style.color)
            s.newLineAtOffset(margin + style.indent, y + lineHeight * 0.25f)
            s.showText(line)
            s.endText()
        }
        y -= spaceAfter
    }

    /** An empty square to tick with a pen, followed by the text wrapped beside it. */
    fun checkbox(text: String, style: Style) {
        val box = style.size * 1.1f
        val lineHeight = style.size * 1.35f
        val lines = wrap(text, regular, style.size, width - box - 10f)
        ensureRoom(lineHeight * minOf(lines.size, 2))
        val s = stream!!
        s.setStrokingColor(Color.BLACK)
        s.setLineWidth(1.2f)
        s.addRect(margin, y - lineHeight + (lineHeight - box) / 2f, box, box)
        s.stroke()
        for ((i, line) in lines.withIndex()) {
            if (i > 0) ensureRoom(lineHeight)
            y -= lineHeight
            val t = stream!!
            t.beginText()
            t.setFont(regular, style.size)
            t.setNonStrokingColor(style.color)
            t.newLineAtOffset(margin + box + 10f, y + lineHeight * 0.25f)
            t.showText(line)
            t.endText()
        }
        y -= style.size * 0.6f
    }

    fun rule() {
        ensureRoom(10f)
        y -= 5f
        val s = stream!!
        s.setStrokingColor(Color.GRAY)
        s.setLineWidth(0.5f)
        s.moveTo(margin, y)
        s.lineTo(margin + width, y)
        s.stroke()
        y -= 5f
    }

    fun space(points: Float) {
        y -= points
    }

    /** Starts a new page unless [height] points are left, so that a heading is not left alone at a page's foot. */
    fun keepWithNext(height: Float) {
        if (stream != null && y - height < margin + footerSpace) y = margin + footerSpace - 1f
    }

    /**
     * A QR code of [link] with [caption] beside it (the caption names the link in full, for those who type it).
     * Kept together on one page; the code has the four-module quiet zone scanners need.
     */
    fun qrCode(link: String, caption: String, style: Style) {
        val code = QrCode.encodeText(link, QrCode.Ecc.MEDIUM)
        val module = 2.2f
        val side = (code.size + 8) * module
        ensureRoom(side)
        val top = y
        val s = stream!!
        s.setNonStrokingColor(Color.BLACK)
        for (row in 0 until code.size) {
            for (column in 0 until code.size) {
                if (code.getModule(column, row)) {
                    s.addRect(margin + (column + 4) * module, top - (row + 5) * module, module, module)
                }
            }
        }
        s.fill()
        val lineHeight = style.size * 1.35f
        var lineY = top - 4 * module
        for (line in wrap(caption, regular, style.size, width - side - 12f)) {
            lineY -= lineHeight
            s.beginText()
            s.setFont(regular, style.size)
            s.setNonStrokingColor(style.color)
            s.newLineAtOffset(margin + side + 12f, lineY + lineHeight * 0.25f)
            s.showText(line)
            s.endText()
        }
        y = minOf(top - side, lineY) - style.size * 0.5f
    }

    /** Draws the footers (they need the page count) and closes the last stream. */
    fun finish() {
        stream?.close()
        stream = null
        for ((index, page) in pages.withIndex()) {
            PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true).use { s ->
                val size = 8.5f
                for ((i, line) in wrap(footer(index + 1, pages.size), regular, size, width).withIndex()) {
                    s.beginText()
                    s.setFont(regular, size)
                    s.setNonStrokingColor(Color.DARK_GRAY)
                    s.newLineAtOffset(margin, margin - 24f - i * size * 1.3f)
                    s.showText(line)
                    s.endText()
                }
            }
        }
    }

    private fun ensureRoom(height: Float) {
        if (stream == null || y - height < margin + footerSpace) {
            stream?.close()
            val page = PDPage(pageSize)
            document.addPage(page)
            pages += page
            stream = PDPageContentStream(document, page)
            y = pageSize.height - margin
        }
    }

    private fun loadFont(file: String): PDFont =
        PdfLayout::class.java.classLoader.getResourceAsStream("fonts/$file")!!.use { PDType0Font.load(document, it) }

    companion object {
        /**
         * Greedy word wrap by measured width. Paragraph breaks in the text are kept; a word wider than the line is
         * cut where it must be, never dropped.
         */
        fun wrap(text: String, font: PDFont, size: Float, width: Float): List<String> {
            fun measure(s: String) = font.getStringWidth(printable(s, font)) / 1000f * size
            val lines = mutableListOf<String>()
            for (paragraph in text.replace("\r", "").split('\n')) {
                var line = ""
                for (word in paragraph.split(' ').filter { it.isNotEmpty() }) {
                    val candidate = if (line.isEmpty()) word else "$line $word"
                    if (measure(candidate) <= width) {
                        line = candidate
                        continue
                    }
                    if (line.isNotEmpty()) lines += line
                    var rest = word
                    while (measure(rest) > width) {
                        var cut = rest.length - 1
                        while (cut > 1 && measure(rest.substring(0, cut)) > width) cut--
                        lines += rest.substring(0, cut)
                        rest = rest.substring(cut)
                    }
                    line = rest
                }
                lines += line
            }
            return lines.map { printable(it, font) }
        }

        /** The text with any character the font cannot draw (an emoji, say) replaced, so a handout never fails. */
        fun printable(text: String, font: PDFont): String {
            val out = StringBuilder(text.length)
            var i = 0
            while (i < text.length) {
                val codePoint = text.codePointAt(i)
                val char = String(Character.toChars(codePoint))
                out.append(
                    if (Character.isISOControl(codePoint)) " "
                    else try {
                        font.encode(char)
                        char
                    } catch (e: IllegalArgumentException) {
                        "?"
                    } catch (e: java.io.IOException) {
                        "?"
                    },
                )
                i += Character.charCount(codePoint)
            }
            return out.toString()
        }
    }
}

package tj.migrantsguide.app.model

/**
 * An article body as blocks a reader can follow: paragraphs (separated by a blank line) and bulleted lines
 * (`- ` at the start), with `[[id]]` / `[[TJ/id]]` links kept as their own pieces (content/SPEC.md).
 */
sealed interface Block {
    val pieces: List<Piece>

    data class Paragraph(override val pieces: List<Piece>) : Block
    data class Bullet(override val pieces: List<Piece>) : Block
}

sealed interface Piece {
    data class Words(val text: String) : Piece

    /** A link as written: [country] is null for "the article's own country". */
    data class Link(val country: String?, val id: String) : Piece
}

object ArticleText {
    private val LINK = Regex("""\[\[(?:([A-Z]{2})/)?([^\[\]\s/]+)]]""")

    /**
     * The text with its links left out, for places that show a note but cannot follow a link (a contact card, where
     * the linked contact is in the same list; paper).
     */
    fun withoutLinks(text: String): String = text.replace(Regex("""\s*""" + LINK.pattern), "")

    fun parse(body: String): List<Block> {
        val blocks = mutableListOf<Block>()
        val paragraph = StringBuilder()
        fun endParagraph() {
            if (paragraph.isNotBlank()) blocks += Block.Paragraph(pieces(paragraph.toString().trim()))
            paragraph.clear()
        }
        for (raw in body.replace("\r\n", "\n").split('\n')) {
            val line = raw.trim()
            when {
                line.isEmpty() -> endParagraph()
                line.startsWith("- ") || line.startsWith("• ") -> {
                    endParagraph()
                    blocks += Block.Bullet(pieces(line.substring(2).trim()))
                }
                else -> {
                    if (paragraph.isNotEmpty()) paragraph.append(' ')
                    paragraph.append(line)
                }
            }
        }
        endParagraph()
        return blocks
    }

    fun pieces(text: String): List<Piece> {
        val pieces = mutableListOf<Piece>()
        var at = 0
        for (match in LINK.findAll(text)) {
            if (match.range.first > at) pieces += Piece.Words(text.substring(at, match.range.first))
            pieces += Piece.Link(match.groupValues[1].ifEmpty { null }, match.groupValues[2])
            at = match.range.last + 1
        }
        if (at < text.length) pieces += Piece.Words(text.substring(at))
        return pieces
    }

    fun links(blocks: List<Block>): List<Piece.Link> =
        blocks.flatMap { it.pieces }.filterIsInstance<Piece.Link>().distinct()
}

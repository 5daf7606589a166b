package tj.migrantsguide.app.data

import tj.migrantsguide.guide.Language

/** Finds articles, contacts and checklists for what a person types. Blocking: call off the UI thread. */
interface Search {
    /**
     * Hits for [query] in [country], best first, the reader's [language] before others; an item appears once
     * (in the reader's language when it matches there). An empty or blank query finds nothing.
     */
    fun search(query: String, country: String, language: Language): List<SearchHit>

    /** What this search looks at, for an honest hint under the field. */
    val scope: SearchScope
}

enum class SearchScope {
    /** Titles, contact names and phone numbers only (the in-memory search of this version). */
    TITLES_AND_NUMBERS,

    /** Every word of every article, contact and checklist (the store's full-text index). */
    FULL_TEXT,
}

data class SearchHit(val item: ItemRef, val language: Language, val title: String, val snippet: Highlighted)

/** Text with the parts that matched the query marked, in the original spelling. */
data class Highlighted(val parts: List<Part>) {
    data class Part(val text: String, val match: Boolean)

    val text: String get() = parts.joinToString("") { it.text }

    companion object {
        fun plain(text: String) = Highlighted(listOf(Part(text, false)))
    }
}

/**
 * Folds text for matching: lower case, ё→е, the Tajik letters to their Russian look-alikes (ғ→г, ӣ→и, қ→к, ӯ→у,
 * ҳ→х, ҷ→ч) and the wrong ў→у, so that a person on a Russian keyboard finds Tajik words. Each character maps to
 * exactly one, so positions in the folded text are positions in the original (used for highlighting).
 */
object SearchFolding {
    private val map = mapOf('ё' to 'е', 'ғ' to 'г', 'ӣ' to 'и', 'қ' to 'к', 'ӯ' to 'у', 'ҳ' to 'х', 'ҷ' to 'ч', 'ў' to 'у')

    fun fold(text: String): String {
        val out = CharArray(text.length)
        for (i in text.indices) {
            val lower = text[i].lowercaseChar()
            out[i] = map[lower] ?: lower
        }
        return String(out)
    }

    fun digits(text: String): String = text.filter { it in '0'..'9' }

    internal fun words(query: String): List<String> =
        fold(query).split(Regex("[^\\p{L}\\p{N}]+")).filter { it.isNotEmpty() }.take(MAX_WORDS)

    private const val MAX_WORDS = 8
}

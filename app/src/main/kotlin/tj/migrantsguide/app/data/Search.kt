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
    /** Every word of every article, contact and checklist (the store's full-text index). */
    FULL_TEXT,
}

/**
 * One result. [key] is unique in a result list (two items of one checklist both open that checklist); [title] and
 * [excerpt] carry the matched words marked; [excerpt] may be empty.
 */
data class SearchHit(val key: String, val item: ItemRef, val language: Language, val title: Highlighted, val excerpt: Highlighted)

/** Text with the parts that matched the query marked, in the original spelling. */
data class Highlighted(val parts: List<Part>) {
    data class Part(val text: String, val match: Boolean)

    val text: String get() = parts.joinToString("") { it.text }

    companion object {
        fun plain(text: String) = Highlighted(listOf(Part(text, false)))
    }
}

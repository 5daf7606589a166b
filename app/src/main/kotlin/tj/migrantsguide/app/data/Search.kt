package tj.migrantsguide.app.data

import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.text.Highlighted

/** Finds articles, contacts and checklists for what a person types. Blocking: call off the UI thread. */
interface Search {
    /**
     * Hits for [query] in [country], best first, the reader's [language] before others; an item appears once
     * (in the reader's language when it matches there). An empty or blank query finds nothing.
     */
    fun search(query: String, country: String, language: Language): List<SearchHit>

    /**
     * Builds now what the first searches would build (the typo lookups over the whole vocabulary), so that no
     * keystroke waits for it. Blocking: call off the UI thread, once the window shows, and again after the content
     * changed.
     */
    fun prepare() {}
}

/**
 * One result. [key] is unique in a result list (two items of one checklist both open that checklist); [title] and
 * [excerpt] carry the matched words marked (shared's [Highlighted]); [excerpt] may be empty.
 */
data class SearchHit(val key: String, val item: ItemRef, val language: Language, val title: Highlighted, val excerpt: Highlighted)

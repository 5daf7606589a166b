package tj.migrantsguide.app.data

import tj.migrantsguide.guide.Language
import tj.migrantsguide.store.GuideStore

/**
 * [Search] over the store's full-text index (`GuideStore.search`: folding, so a Russian keyboard finds Tajik words;
 * phone digits in any grouping; marked excerpts). The index covers every country; a person looks for what concerns
 * the country they chose and home ([GuideContent.HOME_COUNTRY]), so other countries' hits are left out. The store
 * puts the reader's language first; an item found in several languages is shown once, in the first.
 */
class StoreSearch(private val store: GuideStore) : Search {
    override fun search(query: String, country: String, language: Language): List<SearchHit> {
        if (query.isBlank()) return emptyList()
        val countries = setOf(country, GuideContent.HOME_COUNTRY)
        val seen = HashSet<String>()
        // The store leaves out the other countries' hits before making their excerpts (most of a search's time).
        return store.search(query, language, GuideStore.MOST_SEARCH_HITS, countries)
            .mapNotNull { hit ->
                val item = hit.opens()
                // The same article, contact or checklist item in another language: already listed.
                val key = "${hit.kind().code()}/${hit.countryCode()}/${hit.id()}/${hit.checklistId().orElse("")}"
                if (!seen.add(key)) return@mapNotNull null
                SearchHit(key, item, hit.language(), hit.title(), hit.excerpt())
            }
    }

    override fun prepare() = store.prepareSearch()
}

package tj.migrantsguide.app.data

import tj.migrantsguide.guide.Language

/**
 * The search of this version, until the store's full-text index lands: it looks, in memory, at the titles of the
 * country's articles and checklists and at the names and phone numbers of its contacts (and the home country's
 * emergency lines), in all three languages. It says so on screen ([scope]); it never claims to search bodies.
 *
 * Every query word must start a word of the title (so "рег" finds "Регистрация"), or, for digits, appear inside a
 * phone number whatever its spacing ("2270707" finds "227-07-07-07").
 */
class TitleSearch(private val content: GuideContent) : Search {
    override val scope = SearchScope.TITLES_AND_NUMBERS

    override fun search(query: String, country: String, language: Language): List<SearchHit> {
        val words = SearchFolding.words(query.take(MAX_QUERY))
        if (words.isEmpty()) return emptyList()
        val queryDigits = SearchFolding.digits(query)
        val hits = LinkedHashMap<ItemRef, SearchHit>()
        // The reader's language first: an item found there is shown there, and not again in another language.
        for (lang in GuideContent.fallbackOrder(language)) {
            for (candidate in candidates(country, lang)) {
                if (candidate.item in hits) continue
                val highlighted = match(candidate.title, words)
                    ?: candidate.numbers.firstOrNull { queryDigits.length >= 3 && SearchFolding.digits(it).contains(queryDigits) }
                        ?.let { highlightDigits(it, queryDigits) }
                    ?: continue
                hits[candidate.item] = SearchHit(candidate.item, candidate.language, candidate.title, highlighted)
            }
        }
        return hits.values.toList()
    }

    private class Candidate(val item: ItemRef, val language: Language, val title: String, val numbers: List<String>)

    private fun candidates(country: String, language: Language): List<Candidate> {
        val result = mutableListOf<Candidate>()
        for (a in content.articles(country, language)) {
            if (a.language() == language) result += Candidate(ItemRef(ItemKind.ARTICLE, country, a.id()), language, a.title(), emptyList())
        }
        for (c in content.contacts(country, language)) {
            if (c.language() == language) {
                result += Candidate(ItemRef(ItemKind.CONTACT, country, c.id()), language, c.name(), c.phones().map { it.display() })
            }
        }
        for (l in content.checklists(country, language)) {
            if (l.language() == language) result += Candidate(ItemRef(ItemKind.CHECKLIST, country, l.id()), language, l.title(), emptyList())
        }
        return result
    }

    /** The title with every word that starts with a query word marked, or null when a query word matches nothing. */
    private fun match(title: String, words: List<String>): Highlighted? {
        val folded = SearchFolding.fold(title)
        val marks = BooleanArray(title.length)
        for (word in words) {
            var found = false
            var from = 0
            while (true) {
                val at = folded.indexOf(word, from)
                if (at < 0) break
                if (at == 0 || !folded[at - 1].isLetterOrDigit()) {
                    for (i in at until at + word.length) marks[i] = true
                    found = true
                }
                from = at + 1
            }
            if (!found) return null
        }
        return fromMarks(title, marks)
    }

    /** The number with the matching digits marked (separators between them included). */
    private fun highlightDigits(number: String, digits: String): Highlighted {
        val positions = number.indices.filter { number[it] in '0'..'9' }
        val start = SearchFolding.digits(number).indexOf(digits)
        val marks = BooleanArray(number.length)
        val first = positions[start]
        val last = positions[start + digits.length - 1]
        for (i in first..last) marks[i] = true
        return fromMarks(number, marks)
    }

    private fun fromMarks(text: String, marks: BooleanArray): Highlighted {
        val parts = mutableListOf<Highlighted.Part>()
        var start = 0
        for (i in 1..text.length) {
            if (i == text.length || marks[i] != marks[start]) {
                parts += Highlighted.Part(text.substring(start, i), marks[start])
                start = i
            }
        }
        return Highlighted(parts)
    }

    private companion object {
        const val MAX_QUERY = 200
    }
}

package tj.migrantsguide.app.model

import java.time.LocalDate
import java.time.format.DateTimeParseException
import tj.migrantsguide.app.text.S
import tj.migrantsguide.app.text.Strings
import tj.migrantsguide.guide.Citation
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.NamedSource

/**
 * One `source:` of an item as a person reads it (issue 21): the named document or site ("UN Committee on Migrant
 * Workers, third periodic report of Tajikistan, 2024"; "Ministry of Foreign Affairs of the Republic of Tajikistan,
 * page read 23 November 2026"), and on demand the words it rests on and where they are (the line, or the page's
 * address). Never a file name: a citation whose source the table does not name (content published before it) shows
 * as written only then.
 *
 * @param quote the words the item rests on, in the source's own language
 * @param where "line 466" of a document, or the address of a page
 */
data class SourceLine(val title: String, val quote: String?, val where: String?)

fun sourceLine(strings: Strings, language: Language, source: String, table: List<NamedSource>): SourceLine {
    val citation = Citation.parse(source)
    val named = citation.find(table).orElse(null)
    val page = citation.page().orElse(null)
    val title = when {
        named == null -> citation.location()
        page != null -> citation.read().map { readOn(it) }.orElse(null)
            ?.let { strings[S.SOURCE_PAGE_READ, "site" to named.describe(language), "date" to strings.date(it)] }
            ?: named.describe(language)
        else -> named.describe(language)
    }
    val where = when {
        page != null -> page.toString()
        citation.lines().isPresent && named != null -> strings[S.SOURCE_LINE, "line" to citation.lines().get()]
        else -> null
    }
    return SourceLine(title, citation.quote().orElse(null), where)
}

/** The named document or site alone ("Ministry of Foreign Affairs of …"), or the citation as written for a law. */
fun sourceName(language: Language, source: String, table: List<NamedSource>): String {
    val citation = Citation.parse(source)
    return citation.find(table).map { it.describe(language) }.orElse(citation.location())
}

/** The sources of an item for paper: each named source once, in the order first cited, joined with "; ". */
fun sourceTitles(strings: Strings, language: Language, sources: List<String>, table: List<NamedSource>): String =
    sources.map { sourceLine(strings, language, it, table).title }.distinct().joinToString("; ")

private fun readOn(day: String): LocalDate? = try {
    LocalDate.parse(day)
} catch (e: DateTimeParseException) {
    null
}

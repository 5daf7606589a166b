package tj.migrantsguide.app.model

import tj.migrantsguide.app.data.GuideContent
import tj.migrantsguide.text.Alphabet
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language

/** A country as offered in the picker: its name in the reader's language. */
data class CountryChoice(val code: String, val name: String)

/**
 * Destinations in the editors' order: where most people go first, by the sources' figures (content/guide/countries.txt:
 * Russia, then Kazakhstan…), so that the first choice most people make is at the top; countries of the same order by
 * name, the way the reader's language sorts (Tajik alphabet order for Tajik). The home country is not a destination;
 * its content comes with every one. It is offered only if it is all there is.
 */
fun countryChoices(countries: List<Country>, language: Language): List<CountryChoice> {
    val destinations = countries.filter { it.code() != GuideContent.HOME_COUNTRY }.ifEmpty { countries }
    val byName = Alphabet.order(language)
    return destinations.sortedWith(compareBy<Country> { it.sortOrder() }.thenComparator { a, b -> byName.compare(a.name(language), b.name(language)) })
        .map { CountryChoice(it.code(), it.name(language)) }
}

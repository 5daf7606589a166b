package tj.migrantsguide.feed;

import java.util.List;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Country;

/**
 * The pack every device needs whatever its language: the list of countries with their names, and the concept table
 * search uses to find a word's synonyms in every language.
 */
public record CommonPack(List<Country> countries, List<Concept> concepts) {
    public CommonPack {
        countries = List.copyOf(countries);
        concepts = List.copyOf(concepts);
    }

    /** Countries only (a feed published before the concept table, or a test that needs no synonyms). */
    public CommonPack(List<Country> countries) {
        this(countries, List.of());
    }
}

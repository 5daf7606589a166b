package tj.migrantsguide.feed;

import java.util.List;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.NamedSource;

/**
 * The pack every device needs whatever its language: the list of countries with their names, the concept table
 * search uses to find a word's synonyms in every language, and the named sources the items cite.
 */
public record CommonPack(List<Country> countries, List<Concept> concepts, List<NamedSource> sources) {
    public CommonPack {
        countries = List.copyOf(countries);
        concepts = List.copyOf(concepts);
        sources = List.copyOf(sources);
    }

    /** Without named sources (a feed published before the table). */
    public CommonPack(List<Country> countries, List<Concept> concepts) {
        this(countries, concepts, List.of());
    }

    /** Countries only (a feed published before the concept table, or a test that needs no synonyms). */
    public CommonPack(List<Country> countries) {
        this(countries, List.of(), List.of());
    }
}

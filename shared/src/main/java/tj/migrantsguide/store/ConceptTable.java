package tj.migrantsguide.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.text.SearchQuery;
import tj.migrantsguide.text.WordForms;
import tj.migrantsguide.text.Words;

/**
 * The concept table as search uses it (docs/database.md, "Search", "Synonyms"): each concept's words and phrases
 * folded and, per language, stemmed. A run of typed words that is one of a concept's phrases (compared by stems in
 * the phrase's own language: «регистрации» is «регистрация», «бакайдгири» is «бақайдгирӣ») stands for every phrase
 * of that concept; each language's index is then asked for any of them in its own language.
 *
 * <p>Not thread-safe (the stemmers are not): one table per reader connection, like {@link SearchIndex}.
 */
final class ConceptTable {
    /** A typed word matches the start of a one-word phrase from this many letters on (the last word, being typed). */
    static final int SHORTEST_PREFIX = 5;
    /** Phrases asked for in place of one run of typed words, at most: each costs a lookup in the index. */
    static final int MOST_PHRASES = 16;

    static final ConceptTable EMPTY = new ConceptTable(List.of(), lang -> WordForms.of(lang));

    /** One concept's phrases per language, folded: a phrase is its words. */
    private final List<Map<Language, List<List<String>>>> concepts = new ArrayList<>();
    private final Function<Language, WordForms> forms;
    /** Per language, each concept's phrases in that language stemmed by its stemmer (filled when first needed). */
    private final Map<Language, List<List<List<String>>>> stemmed = new EnumMap<>(Language.class);

    private List<SearchQuery.Term> lastTerms = List.of();
    private List<Match> lastMatches = List.of();

    /** A run of typed words, {@code [start, end)}, that is a phrase of each of {@code concepts}. */
    record Match(int start, int end, Set<Integer> concepts) {}

    ConceptTable(List<Concept> concepts, Function<Language, WordForms> forms) {
        this.forms = forms;
        for (Concept concept : concepts) {
            Map<Language, List<List<String>>> phrases = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                List<List<String>> list = new ArrayList<>();
                for (String phrase : concept.words(language)) {
                    List<String> words = Words.of(phrase).stream().map(Words.Word::folded).toList();
                    if (!words.isEmpty()) {
                        list.add(words);
                    }
                }
                phrases.put(language, list);
            }
            this.concepts.add(phrases);
        }
    }

    boolean isEmpty() {
        return concepts.isEmpty();
    }

    /**
     * The runs of {@code terms} that are concept phrases, left to right, the longest run at each place (a
     * phrase of two words before a one-word phrase it starts with); runs do not overlap.
     */
    List<Match> find(List<SearchQuery.Term> terms) {
        if (concepts.isEmpty()) {
            return List.of();
        }
        if (terms.equals(lastTerms)) {
            return lastMatches; // each language's index asks for the same query in turn
        }
        List<Match> found = new ArrayList<>();
        Map<Language, List<String>> typedStems = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            WordForms wordForms = forms.apply(language);
            typedStems.put(language, terms.stream().map(t -> wordForms.stem(t.text())).toList());
        }
        int i = 0;
        while (i < terms.size()) {
            int longest = 0;
            Set<Integer> matched = new LinkedHashSet<>();
            for (Language language : Language.values()) {
                List<List<List<String>>> byConcept = stems(language);
                for (int c = 0; c < byConcept.size(); c++) {
                    for (List<String> phrase : byConcept.get(c)) {
                        if (phrase.size() < longest || !matchesAt(phrase, terms, typedStems.get(language), i)) {
                            continue;
                        }
                        if (phrase.size() > longest) {
                            longest = phrase.size();
                            matched.clear();
                        }
                        matched.add(c);
                    }
                }
            }
            if (longest == 0) {
                i++;
                continue;
            }
            found.add(new Match(i, i + longest, Set.copyOf(matched)));
            i += longest;
        }
        lastTerms = List.copyOf(terms);
        lastMatches = List.copyOf(found);
        return lastMatches;
    }

    /** The phrases of {@code concepts} in {@code language}, as its stems, without repeats; at most {@link #MOST_PHRASES}. */
    List<List<String>> phrases(Set<Integer> concepts, Language language) {
        Set<List<String>> out = new LinkedHashSet<>();
        for (int c : concepts) {
            for (List<String> phrase : stems(language).get(c)) {
                if (out.size() == MOST_PHRASES) {
                    return List.copyOf(out);
                }
                out.add(phrase);
            }
        }
        return List.copyOf(out);
    }

    private static boolean matchesAt(List<String> phrase, List<SearchQuery.Term> terms, List<String> typed, int at) {
        if (at + phrase.size() > terms.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            String want = phrase.get(k);
            String got = typed.get(at + k);
            if (want.equals(got)) {
                continue;
            }
            // The word being typed: the start of a one-word phrase's word, once long enough to mean one thing.
            SearchQuery.Term term = terms.get(at + k);
            boolean typing = at + k == terms.size() - 1 && term.prefix() && phrase.size() == 1;
            if (!(typing && got.codePointCount(0, got.length()) >= SHORTEST_PREFIX && want.startsWith(got))) {
                return false;
            }
        }
        return true;
    }

    private List<List<List<String>>> stems(Language language) {
        List<List<List<String>>> byConcept = stemmed.get(language);
        if (byConcept == null) {
            WordForms wordForms = forms.apply(language);
            byConcept = new ArrayList<>();
            for (Map<Language, List<List<String>>> concept : concepts) {
                List<List<String>> phrases = new ArrayList<>();
                for (List<String> phrase : concept.get(language)) {
                    phrases.add(phrase.stream().map(wordForms::stem).toList());
                }
                byConcept.add(phrases);
            }
            stemmed.put(language, byConcept);
        }
        return byConcept;
    }
}

package tj.migrantsguide.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.text.SearchQuery;
import tj.migrantsguide.text.WordForms;

/**
 * A query as one language's index is asked it: for every typed word, the forms that may stand for it (its stem,
 * or words near it when it was mistyped), any of which must match; all words must. Also decides which words of a
 * hit's text are highlighted: those whose stem is one looked for.
 *
 * @param groups one list of alternatives per typed word
 * @param phoneDigits a number typed in groups, its digits joined
 * @param forms the language's stemmer (the reader's own: used on one thread at a time)
 * @param typed the words the alternatives stand for, folded and space-separated (the corrected ones for typos)
 */
record Terms(List<List<Alternative>> groups, Optional<String> phoneDigits, WordForms forms, String typed) {
    /**
     * One form: a stem, matched as a prefix or whole; or a phrase of stems (a concept's «миграционный учёт»), its
     * words in that order, the last one a prefix when {@code prefix}.
     */
    record Alternative(List<String> stems, boolean prefix) {
        Alternative {
            stems = List.copyOf(stems);
        }

        Alternative(String stem, boolean prefix) {
            this(List.of(stem), prefix);
        }

        String stem() {
            return String.join(" ", stems);
        }

        boolean matches(String stemmed, String folded) {
            for (int i = 0; i < stems.size(); i++) {
                String stem = stems.get(i);
                if (stems.size() > 1 && stem.length() < 3) {
                    continue; // «на» of «разрешение на работу»: not every «на» of the text
                }
                boolean last = i == stems.size() - 1;
                if (prefix && last ? stemmed.startsWith(stem) || folded.startsWith(stem) : stemmed.equals(stem)) {
                    return true;
                }
            }
            return false;
        }
    }

    Terms {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** The query as typed: each word by its stem. */
    static Terms of(SearchQuery query, WordForms forms) {
        return of(query, forms, ConceptTable.EMPTY);
    }

    /**
     * The query as typed, each word by its stem; a run of words that is a phrase of the concept table also by every
     * phrase of its concepts in {@code forms}' language («регистрации» also as «миграционный учёт» and «учёт»).
     */
    static Terms of(SearchQuery query, WordForms forms, ConceptTable concepts) {
        List<List<Alternative>> groups = new ArrayList<>();
        List<SearchQuery.Term> terms = query.terms();
        List<ConceptTable.Match> matches = concepts.find(terms);
        int next = 0;
        for (int i = 0; i < terms.size(); ) {
            ConceptTable.Match match = next < matches.size() && matches.get(next).start() == i ? matches.get(next) : null;
            if (match == null) {
                groups.add(List.of(stemmed(terms.get(i).text(), terms.get(i).prefix(), forms)));
                i++;
                continue;
            }
            next++;
            List<Alternative> group = new ArrayList<>();
            List<String> typed = new ArrayList<>();
            for (int k = match.start(); k < match.end(); k++) {
                typed.add(forms.stem(terms.get(k).text()));
            }
            SearchQuery.Term last = terms.get(match.end() - 1);
            group.add(typed.size() == 1 ? stemmed(last.text(), last.prefix(), forms)
                    : new Alternative(typed, last.prefix()));
            for (List<String> phrase : concepts.phrases(match.concepts(), forms.language())) {
                Alternative alternative = new Alternative(phrase, false);
                if (!group.contains(alternative) && !alternative.equals(new Alternative(typed, false))) {
                    group.add(alternative);
                }
            }
            groups.add(group);
            i = match.end();
        }
        return new Terms(groups, query.phoneDigits(), forms, typed(query));
    }

    /**
     * The query with the words that have {@code replacements} (one list per word, empty: keep it) replaced by them.
     */
    static Terms corrected(SearchQuery query, WordForms forms, List<List<String>> replacements) {
        List<List<Alternative>> groups = new ArrayList<>();
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < query.terms().size(); i++) {
            SearchQuery.Term term = query.terms().get(i);
            List<String> instead = replacements.get(i);
            typed.append(typed.isEmpty() ? "" : " ").append(instead.isEmpty() ? term.text() : instead.get(0));
            if (instead.isEmpty()) {
                groups.add(List.of(stemmed(term.text(), term.prefix(), forms)));
            } else {
                // Corrections are whole words the index holds: their stems, matched whole (a prefix of a
                // corrected stem would bring back what the typo was corrected away from).
                groups.add(instead.stream().map(word -> stemmed(word, false, forms)).distinct().toList());
            }
        }
        return new Terms(groups, query.phoneDigits(), forms, typed.toString());
    }

    private static Alternative stemmed(String folded, boolean prefix, WordForms forms) {
        String stem = forms.stem(folded);
        // A prefix of one letter would list most of the index, slowly (FTS5 keeps prefix indexes of 2 to 4).
        return new Alternative(stem, prefix && stem.length() >= 2);
    }

    private static String typed(SearchQuery query) {
        StringBuilder out = new StringBuilder();
        for (SearchQuery.Term term : query.terms()) {
            out.append(out.isEmpty() ? "" : " ").append(term.text());
        }
        return out.toString();
    }

    /**
     * One alternative as an FTS5 expression: a quoted string (no input can make FTS syntax; words separated by
     * spaces are a phrase), with * if a prefix (of its last word).
     */
    static String alternative(String stem, boolean prefix) {
        return SearchIndex.quoted(stem) + (prefix ? "*" : "");
    }

    /** The FTS5 expression: every group must match, a group by any of its alternatives. */
    String matchExpression() {
        StringBuilder words = new StringBuilder();
        for (List<Alternative> group : groups) {
            words.append(words.isEmpty() ? "" : " AND ");
            if (group.size() == 1) {
                words.append(alternative(group.get(0).stem(), group.get(0).prefix()));
                continue;
            }
            words.append('(');
            for (int i = 0; i < group.size(); i++) {
                words.append(i == 0 ? "" : " OR ").append(alternative(group.get(i).stem(), group.get(i).prefix()));
            }
            words.append(')');
        }
        if (phoneDigits.isPresent()) {
            return "(" + words + ") OR " + SearchIndex.quoted(phoneDigits.get()) + "*";
        }
        return words.toString();
    }

    /** Whether a word of a hit's text (folded) is one looked for: it is then highlighted. */
    boolean matches(String folded) {
        String stemmed = forms.stem(folded);
        for (List<Alternative> group : groups) {
            for (Alternative alternative : group) {
                if (alternative.matches(stemmed, folded)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package tj.migrantsguide.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a person typed into the search box, reduced to folded words. Nothing of the search engine's own syntax can
 * survive this (quotes, {@code *}, {@code NEAR}, {@code -}, brackets are not letters, and words are matched
 * literally), so no input can break the search or make it slow: the text is capped and so is the number of words.
 *
 * @param terms the words to find, all of them (AND), in the order typed
 * @param phoneDigits when the text was a number typed in groups ("+7 495"), its digits joined ("7495")
 */
public record SearchQuery(List<Term> terms, Optional<String> phoneDigits) {
    /** Longer input is cut: nobody types more into a search box, and it keeps every query cheap. */
    public static final int MAX_CHARACTERS = 200;
    /** Every word narrows the result; past a few, more only cost time. */
    public static final int MAX_TERMS = 8;
    /** Shorter words before the last are matched whole: as prefixes ("да"*) they would match most of the guide. */
    static final int SHORTEST_PREFIX = 3;
    /** The last word is being typed: from two letters on, it is a prefix. */
    static final int SHORTEST_TYPING_PREFIX = 2;

    /**
     * One folded word.
     *
     * @param prefix whether longer words starting with it match too: the last word (still being typed) from two
     *     letters on, and any other word of three letters or more, which also stands in for a stemmer (Tajik and Russian inflect by suffix:
     *     {@code конун} finds {@code қонунҳо}, {@code паспорт} finds {@code паспорта})
     */
    public record Term(String text, boolean prefix) {
        public boolean matches(String foldedWord) {
            return prefix ? foldedWord.startsWith(text) : foldedWord.equals(text);
        }
    }

    public SearchQuery {
        terms = List.copyOf(terms);
        phoneDigits = phoneDigits == null ? Optional.empty() : phoneDigits;
    }

    public static SearchQuery parse(String typed) {
        String text = typed == null ? "" : capped(typed);
        List<Words.Word> words = Words.of(text);
        List<Term> terms = new ArrayList<>();
        int count = Math.min(words.size(), MAX_TERMS);
        for (int i = 0; i < count; i++) {
            String folded = words.get(i).folded();
            boolean last = i == count - 1;
            int letters = folded.codePointCount(0, folded.length());
            // A lone letter is always matched whole: as a prefix it would list most of the guide, slowly.
            boolean prefix = letters >= (last ? SHORTEST_TYPING_PREFIX : SHORTEST_PREFIX);
            terms.add(new Term(folded, prefix));
        }
        Optional<String> phone = PhoneNumbers.looksLikeSplitNumber(text)
                ? Optional.of(PhoneNumbers.digits(text)) : Optional.empty();
        return new SearchQuery(terms, phone);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether a word of the text (folded) is one the person looked for: it is then highlighted. */
    public boolean matches(String foldedWord) {
        for (Term term : terms) {
            if (term.matches(foldedWord)) {
                return true;
            }
        }
        return false;
    }

    private static String capped(String typed) {
        if (typed.length() <= MAX_CHARACTERS) {
            return typed;
        }
        int end = MAX_CHARACTERS;
        if (Character.isHighSurrogate(typed.charAt(end - 1))) {
            end--;
        }
        return typed.substring(0, end);
    }
}

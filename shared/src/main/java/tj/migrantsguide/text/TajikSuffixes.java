package tj.migrantsguide.text;

/**
 * A light stemmer for Tajik nouns and adjectives, on folded words (ҳ→х, ҷ→ч, ӣ→и, ӯ→у, қ→к, ғ→г: {@link Folding}).
 * No well-kept Tajik stemmer exists (Snowball has none), so this is a short rule set written from the grammar:
 * Wikipedia, "Tajik grammar", section Nouns (https://en.wikipedia.org/wiki/Tajik_grammar): "the plural marker is
 * found first, followed by any possessive markers followed by the direct object marker" (китоб-ҳо-ятон-ро); the
 * plural is -ҳо, or -он with its variants -ён (after -ӣ, -ӯ, -о), -вон (after -у) and -гон (after -а); the izofa is
 * the enclitic -и, written -йи after a vowel and -ии after -ӣ; a word ending in -ӣ shortens it to -и before
 * suffixes.
 *
 * <p>Cut from the end, each at most once, in this order, and only while at least {@value #SHORTEST_STEM} letters
 * stay (2 before -ҳо: «обҳо»):
 * <ol>
 *   <li>the direct object marker -ро: «ҳуҷҷатро» → ҳуҷҷат;</li>
 *   <li>the indefinite / relative -е after a consonant: «муҳоҷире ки» → муҳоҷир;</li>
 *   <li>a possessive after the plural: -ҳо + -ям, -ят, -яш, -ямон, -ятон, -яшон («ҳуҷҷатҳоятон»);</li>
 *   <li>the izofa -и (which is also the adjective ending -ӣ, folded to и), up to twice: «корти муҳоҷирӣ» → корт
 *       муҳоҷир, «муҳоҷиратии» → муҳоҷират (-ӣ shortened to -и, then the izofa); after a vowel the izofa is
 *       written -йи, and cutting its -и leaves the й on both sides alike («ҷойи» → ҷой);</li>
 *   <li>the plural -ҳо, -гон, -вон, -ён, -он: «ҳуҷҷатҳо», «муҳоҷирон», «моҳиён»; after -ён also the -ӣ it followed.</li>
 * </ol>
 * Possessives after a singular (-ам, -ат, -аш…) are not cut: they look like the end of many nouns (муҳоҷират,
 * ҳуҷҷат). Verbs are left alone. The same rules run on the indexed text and on the query, so a word cut too far
 * still finds itself; what they must not do is make different words equal, which the word-by-word test checks.
 */
final class TajikSuffixes {
    static final int SHORTEST_STEM = 3;
    private static final String[] PLURAL_POSSESSIVES = {"ямон", "ятон", "яшон", "ям", "ят", "яш"};
    /** Folded: -ён is -ен (ё→е). */
    private static final String[] PLURALS = {"гон", "вон", "ен", "он"};

    private TajikSuffixes() {}

    static String stem(String folded) {
        String word = cut(folded, "ро", SHORTEST_STEM);
        if (word.length() > SHORTEST_STEM + 1 && word.endsWith("е") && !isVowel(word.charAt(word.length() - 2))) {
            word = word.substring(0, word.length() - 1);
        }
        for (String possessive : PLURAL_POSSESSIVES) {
            if (word.endsWith("хо" + possessive) && word.length() - possessive.length() - 2 >= 2) {
                word = word.substring(0, word.length() - possessive.length());
                break;
            }
        }
        word = cut(word, "и", SHORTEST_STEM);
        word = cut(word, "и", SHORTEST_STEM); // -ӣ shortened to -и, then the izofa -и: муҳоҷиратии
        if (word.endsWith("хо") && word.length() - 2 >= 2) {
            return word.substring(0, word.length() - 2);
        }
        for (String plural : PLURALS) {
            if (word.endsWith(plural) && word.length() - plural.length() >= SHORTEST_STEM) {
                String singular = word.substring(0, word.length() - plural.length());
                return plural.equals("ен") ? cut(singular, "и", SHORTEST_STEM) : singular;
            }
        }
        return word;
    }

    private static String cut(String word, String suffix, int shortest) {
        return word.endsWith(suffix) && word.length() - suffix.length() >= shortest
                ? word.substring(0, word.length() - suffix.length()) : word;
    }

    /** Vowels of folded Tajik text (ӣ and ӯ fold to и and у). */
    private static boolean isVowel(char c) {
        return "аеиоуэюяё".indexOf(c) >= 0;
    }
}

package tj.migrantsguide.text;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;
import tj.migrantsguide.guide.Language;

/**
 * Sorting by name the way each language's readers expect. The JDK has no Tajik collation: with the Russian one,
 * ғ қ ҳ ҷ ӣ ӯ count as г к х ч и у ("Ҳиндустон" lands among the Х words) and ё as е; here each Tajik letter is a
 * letter of its own, right after its base letter:
 * а б в г ғ д е ё ж з и ӣ й к қ л м н о п р с т у ӯ ф х ҳ ч ҷ ш ъ э ю я
 * (ц щ ы ь, which Tajik writes only in Russian loanwords, keep their Russian places).
 */
public final class Alphabet {
    static final String TAJIK_ORDER = "а б в г ғ д е ё ж з и ӣ й к қ л м н о п р с т у ӯ ф х ҳ ц ч ҷ ш щ ъ ы ь э ю я";

    private static final Collator TAJIK = tajikCollator();
    private static final Collator RUSSIAN = standard(Locale.forLanguageTag("ru"));
    private static final Collator ENGLISH = standard(Locale.ENGLISH);

    private Alphabet() {}

    /**
     * Compares names in {@code language}'s alphabetical order (case second, then accents). The collators are
     * shared; {@code RuleBasedCollator.compare} is synchronized, so this is safe from any thread.
     */
    public static Comparator<String> order(Language language) {
        Collator collator = switch (language) {
            case TAJIK -> TAJIK;
            case RUSSIAN -> RUSSIAN;
            case ENGLISH -> ENGLISH;
        };
        return collator::compare;
    }

    private static Collator standard(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return collator;
    }

    private static Collator tajikCollator() {
        // Latin as in English; then the Tajik Cyrillic alphabet, lower case before upper at the third level.
        StringBuilder rules = new StringBuilder(((RuleBasedCollator) Collator.getInstance(Locale.ENGLISH)).getRules());
        rules.append("& Z");
        for (String letter : TAJIK_ORDER.split(" ")) {
            rules.append(" < ").append(letter).append(" , ").append(letter.toUpperCase(Locale.ROOT));
        }
        try {
            RuleBasedCollator collator = new RuleBasedCollator(rules.toString());
            // NFD input (и + U+0304) must sort as the letter ӣ it spells.
            collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return collator;
        } catch (ParseException e) {
            throw new IllegalStateException("the Tajik collation rules are fixed text and always parse", e);
        }
    }
}

package tj.migrantsguide.text;

import java.util.HashMap;
import java.util.Map;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import tj.migrantsguide.guide.Language;

/**
 * The stem of a folded word in one language, so that the forms of a word find each other: «регистрации» and
 * «регистрация», "registrations" and "registration", «ҳуҷҷатҳоро» and «ҳуҷҷат». The search index holds stems and
 * every query word is stemmed the same way (docs/database.md, "Search").
 *
 * <ul>
 *   <li>Russian and English: the Snowball stemmers (Lucene's {@code org.tartarus.snowball.ext}), which only cut
 *       endings, so a stem is a start of its word and a word being typed still matches as a prefix;</li>
 *   <li>Tajik: {@link TajikSuffixes}, a light rule set for the noun endings.</li>
 * </ul>
 *
 * Words with a digit are left as they are (numbers, codes). Not thread-safe: one instance per thread (the
 * Snowball stemmers hold state); each keeps the stems it made, since text repeats its words (Zipf).
 */
public final class WordForms {
    /** Past this many remembered stems the memory is cleared: it only saves time. */
    private static final int REMEMBERED = 100_000;

    private final Language language;
    private final SnowballStemmer snowball;
    private final Map<String, String> stems = new HashMap<>();

    private WordForms(Language language) {
        this.language = language;
        this.snowball = switch (language) {
            case RUSSIAN -> new RussianStemmer();
            case ENGLISH -> new EnglishStemmer();
            case TAJIK -> null;
        };
    }

    public static WordForms of(Language language) {
        return new WordForms(language);
    }

    public Language language() {
        return language;
    }

    /** The stem of {@code folded} (a word as {@link Folding} leaves it). */
    public String stem(String folded) {
        String known = stems.get(folded);
        if (known != null) {
            return known;
        }
        String stem = stemNow(folded);
        if (stems.size() >= REMEMBERED) {
            stems.clear();
        }
        stems.put(folded, stem);
        return stem;
    }

    private String stemNow(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (Character.isDigit(folded.charAt(i))) {
                return folded;
            }
        }
        if (snowball == null) {
            return TajikSuffixes.stem(folded);
        }
        snowball.setCurrent(folded);
        snowball.stem();
        String stem = snowball.getCurrent();
        return stem.isEmpty() ? folded : stem;
    }
}

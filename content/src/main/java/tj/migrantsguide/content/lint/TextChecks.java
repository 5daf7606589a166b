package tj.migrantsguide.content.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tj.migrantsguide.content.source.Rule;

/**
 * Checks on the words themselves (content-rules.md §4, glossary.md spelling notes). Each finding carries its
 * offset in the checked text so that the linter can turn it into a line number.
 */
final class TextChecks {
    /** The letters Tajik has and Russian has not; a Tajik text without any of them is probably Russian. */
    static final String TAJIK_LETTERS = "ғҒӣӢқҚӯӮҳҲҷҶ";

    /** ў (U+045E, Uzbek/Belarusian) looks like Tajik ӯ (U+04EF) but does not match it in search. */
    private static final String WRONG_U = "ўЎ";

    /** Letters old Tajik fonts put where ҳ ҷ қ ӣ ғ belong ("муњољирати мењнатї"). */
    private static final String OLD_FONT = "њЊљЉќЌїЇѓЃ";

    /**
     * Forms the glossary says not to use, with the one to use instead: Russian letters standing in for Tajik
     * ones as seen on real pages, and variants where the app keeps one form per concept (glossary.md §7).
     * Matched at the start of a word, ignoring case, so that endings («Русияро») are caught too.
     */
    private static final List<Replacement> GLOSSARY = List.of(
            new Replacement("Чумхур", "Ҷумҳур"),
            new Replacement("Точикистон", "Тоҷикистон"),
            new Replacement("мухочир", "муҳоҷир"),
            new Replacement("шахрванд", "шаҳрванд"),
            new Replacement("конуни", "қонуни"),
            new Replacement("руйхат", "рӯйхат"),
            new Replacement("Шурои", "Шӯрои"),
            new Replacement("мувақат", "муваққат"),
            new Replacement("ҳуҷатгузорӣ", "ҳуҷҷатгузорӣ"),
            new Replacement("Русия", "Россия (Федератсияи Россия)"),
            new Replacement("муҳоҷири корӣ", "муҳоҷири меҳнатӣ"),
            new Replacement("муҳоҷирони корӣ", "муҳоҷирони меҳнатӣ"),
            new Replacement("муҳоҷирин", "муҳоҷирон"),
            new Replacement("корти муҳоҷиратӣ", "корти муҳоҷирӣ"),
            new Replacement("қайди муҳоҷирӣ", "қайди муҳоҷиратӣ"),
            Replacement.wholeWord("қайди муҳоҷират", "қайди муҳоҷиратӣ"),
            new Replacement("иҷозатномаи кор", "иҷозат барои кор"),
            new Replacement("иҷозаи кор", "иҷозат барои кор"),
            new Replacement("фавқуллода", "фавқулодда"),
            new Replacement("хати боварӣ", "телефони боварӣ"),
            new Replacement("хати боварии", "телефони боварии"));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

    private TextChecks() {}

    record Finding(Rule rule, int offset, String message) {}

    /** Matched by plain search on lower-cased text: far cheaper than a case-insensitive Unicode regex per form. */
    private record Replacement(String wrong, String right, boolean wholeWord) {
        Replacement(String wrong, String right) {
            this(wrong.toLowerCase(Locale.ROOT), right, false);
        }

        /** For a wrong form that is the start of the right one («қайди муҳоҷират» / «қайди муҳоҷиратӣ»). */
        static Replacement wholeWord(String wrong, String right) {
            return new Replacement(wrong.toLowerCase(Locale.ROOT), right, true);
        }
    }

    /** Latin letters inside a Cyrillic word: a typing slip, or the mark of a fake page (glossary.md §8). */
    static List<Finding> mixedScripts(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            boolean cyrillic = false;
            boolean latin = false;
            for (int i = 0; i < word.length(); i++) {
                Character.UnicodeScript script = Character.UnicodeScript.of(word.charAt(i));
                cyrillic |= script == Character.UnicodeScript.CYRILLIC;
                latin |= script == Character.UnicodeScript.LATIN;
            }
            if (cyrillic && latin) {
                findings.add(new Finding(Rule.MIXED_SCRIPT, m.start(),
                        "the word «" + word + "» mixes Latin and Cyrillic letters (" + latinLetters(word)
                                + "); retype it with one keyboard layout"));
            }
        }
        return findings;
    }

    /** The Tajik-only rules: wrong ӯ, old-font letters, glossary forms. */
    static List<Finding> tajik(String text) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (WRONG_U.indexOf(c) >= 0) {
                findings.add(new Finding(Rule.TAJIK_WRONG_LETTER, i,
                        "«" + c + "» (U+" + hex(c) + ") is not a Tajik letter; write "
                                + (Character.isUpperCase(c) ? "Ӯ (U+04EE)" : "ӯ (U+04EF)")
                                + " in «" + wordAt(text, i) + "»"));
            } else if (OLD_FONT.indexOf(c) >= 0) {
                findings.add(new Finding(Rule.TAJIK_OLD_FONT, i,
                        "«" + c + "» (U+" + hex(c) + ") comes from an old Tajik font; retype «" + wordAt(text, i)
                                + "» with ғ ӣ қ ӯ ҳ ҷ"));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() == text.length()) { // always so for Cyrillic; offsets then match the original text
            for (Replacement replacement : GLOSSARY) {
                for (int at = lower.indexOf(replacement.wrong()); at >= 0;
                        at = lower.indexOf(replacement.wrong(), at + 1)) {
                    int end = at + replacement.wrong().length();
                    boolean startsWord = at == 0 || !isWordChar(lower.charAt(at - 1));
                    boolean endsWord = end == lower.length() || !isWordChar(lower.charAt(end));
                    if (startsWord && (endsWord || !replacement.wholeWord())) {
                        findings.add(new Finding(Rule.GLOSSARY_TERM, at,
                                "«" + text.substring(at, wordEnd(text, end)) + "»: the guide writes «"
                                        + replacement.right() + "» (glossary.md)"));
                    }
                }
            }
        }
        return findings;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    static boolean hasTajikLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (TAJIK_LETTERS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int cyrillicLetters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.CYRILLIC
                    && Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static String latinLetters(String word) {
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeScript.of(word.charAt(i)) == Character.UnicodeScript.LATIN) {
                latin.append(latin.isEmpty() ? "" : ", ").append("Latin ").append(word.charAt(i));
            }
        }
        return latin.toString();
    }

    /** The whole word around {@code offset}, for messages. */
    private static String wordAt(String text, int offset) {
        int start = offset;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, wordEnd(text, offset + 1));
    }

    private static int wordEnd(String text, int from) {
        int end = Math.min(from, text.length());
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}

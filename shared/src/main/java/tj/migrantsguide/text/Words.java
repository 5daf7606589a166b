package tj.migrantsguide.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits text into words the way the search index sees them: runs of letters and digits (Unicode categories L*,
 * N*, Co, the same as SQLite's unicode61 tokenizer), combining marks staying with their letter. Each word keeps
 * its place in the original text, so that a match can be highlighted in what the editor wrote.
 */
public final class Words {
    /** One word: {@code original.substring(start, end)}, and its folded form. */
    public record Word(int start, int end, String folded) {}

    private Words() {}

    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int length = text.length();
        for (int start = nextWordStart(text, 0), i; start < length; start = nextWordStart(text, i)) {
            i = wordEnd(text, start);
            String folded = Folding.fold(text.substring(start, i));
            if (!folded.isEmpty()) {
                words.add(new Word(start, i, folded));
            }
        }
        return words;
    }

    /**
     * The folded words joined by single spaces: what goes into a search index column. The words of {@link #of},
     * found the same way, but folded straight into one builder (no {@code Word}, substring or string per word):
     * installing 100,000 items folds some ten million words (docs/performance.md).
     */
    public static String indexText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        for (int start = nextWordStart(text, 0), i; start < length; start = nextWordStart(text, i)) {
            i = wordEnd(text, start);
            int before = out.length();
            if (before > 0) {
                out.append(' ');
            }
            int wordStart = out.length();
            appendFolded(text, start, i, out);
            if (out.length() == wordStart) {
                out.setLength(before); // folded to nothing: no word, no space (as in of())
            }
        }
        return out.toString();
    }

    /**
     * What goes into a search index column in {@code forms}' language: the stem of each folded word
     * ({@link WordForms}), joined by single spaces. Each folded word and its stem are also added to
     * {@code vocabulary}, for typo tolerance ({@link Typos}): a typo in a whole word is nearest that word
     * («registraton», registration), a typo in a bare stem nearest the stem («хучат», ҳуҷҷат of ҳуҷҷатҳо).
     */
    public static String indexStems(String text, WordForms forms, Collection<String> vocabulary) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder word = new StringBuilder(32);
        int length = text.length();
        for (int start = nextWordStart(text, 0), i; start < length; start = nextWordStart(text, i)) {
            i = wordEnd(text, start);
            word.setLength(0);
            appendFolded(text, start, i, word);
            if (word.isEmpty()) {
                continue; // folded to nothing: no word, no space (as in of())
            }
            String folded = word.toString();
            String stem = forms.stem(folded);
            vocabulary.add(folded);
            vocabulary.add(stem);
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(stem);
        }
        return out.toString();
    }

    /** Where the next word starts at or after {@code from}, or the text's length when no word is left. */
    private static int nextWordStart(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (isWordStart(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return i;
    }

    /** Appends the folded form of {@code text[start, end)}: the fast path when it applies, else {@link Folding#fold}. */
    private static void appendFolded(String text, int start, int end, StringBuilder out) {
        if (!Folding.appendSimpleFold(text, start, end, out)) {
            out.append(Folding.fold(text.substring(start, end)));
        }
    }

    /** Where the word starting at {@code start} ends: letters, digits and the combining marks that go with them. */
    private static int wordEnd(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int next = text.codePointAt(i);
            if (!isWordStart(next) && !Folding.isMark(next)) {
                break;
            }
            i += Character.charCount(next);
        }
        return i;
    }

    static boolean isWordStart(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}

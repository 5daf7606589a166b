package tj.migrantsguide.text;

import java.text.Normalizer;

/**
 * The one way text is simplified before it is indexed and before a query is matched, so that a person typing on a
 * Russian keyboard (or without the Tajik letters) finds Tajik words: {@code хуччат} finds {@code ҳуҷҷат}.
 *
 * <p>Per code point, after NFC normalisation: lower case (locale-independent), then
 * <ul>
 *   <li>the Tajik letters to their base letter: ғ→г, ӣ→и, қ→к, ӯ→у, ҳ→х, ҷ→ч;</li>
 *   <li>ё→е (Russian text writes either), ў→у (Uzbek/Belarusian look-alike typed for ӯ);</li>
 *   <li>һ→х and ҹ→ч: look-alikes that Tajik text typed on Kazakh or Bashkir keyboards uses for ҳ and ҷ;</li>
 *   <li>any other letter loses its accents and combining marks (é→e, ї→і), except й, a letter of its own in
 *       Russian and Tajik (its NFD form is и + breve, which a naive accent strip would turn into и).</li>
 * </ul>
 * Documented in docs/database.md ("Search"). Changing this table changes what the index holds: the content
 * database must then be re-indexed by a migration.
 */
public final class Folding {
    private Folding() {}

    /** The folded form of {@code text}; tokens keep their boundaries (one letter in gives zero or one out). */
    public static String fold(CharSequence text) {
        if (isSimple(text)) {
            // Latin and Cyrillic letters without combining marks (nearly all text): NFC changes nothing.
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                out.append((char) mapLetter(Character.toLowerCase(text.charAt(i))));
            }
            return out.toString();
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); ) {
            int codePoint = nfc.codePointAt(i);
            i += Character.charCount(codePoint);
            appendFolded(codePoint, out);
        }
        return out.toString();
    }

    /**
     * Cyrillic letters whose fold is one char and needs no normalisation (all but the few precomposed with a
     * mark, such as ѐ or ї). Decided by comparing with the full path, so the fast path cannot disagree with it.
     */
    private static final boolean[] SIMPLE_CYRILLIC = new boolean[0x100];

    static {
        for (char c = 0x400; c <= 0x4FF; c++) {
            StringBuilder slow = new StringBuilder();
            appendFolded(c, slow);
            String one = String.valueOf(c);
            SIMPLE_CYRILLIC[c - 0x400] = !isMark(c) && Normalizer.isNormalized(one, Normalizer.Form.NFC)
                    && slow.length() == 1 && slow.charAt(0) == (char) mapLetter(Character.toLowerCase(c));
        }
    }

    private static boolean isSimple(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x400 || c > 0x4FF || !SIMPLE_CYRILLIC[c - 0x400])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the fold of {@code text[start, end)} to {@code out} when it is simple text (see {@link #fold}), without
     * a substring or a builder of its own: indexing folds every word of every item, and those allocations were
     * most of its cost (docs/performance.md). Returns false, appending nothing, when the text needs the full path.
     */
    static boolean appendSimpleFold(CharSequence text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x400 || c > 0x4FF || !SIMPLE_CYRILLIC[c - 0x400])) {
                return false;
            }
        }
        for (int i = start; i < end; i++) {
            out.append((char) mapLetter(Character.toLowerCase(text.charAt(i))));
        }
        return true;
    }

    static void appendFolded(int codePoint, StringBuilder out) {
        int lower = Character.toLowerCase(codePoint);
        int mapped = mapLetter(lower);
        if (mapped != lower || lower == 'й' || lower < 0x80) {
            out.appendCodePoint(mapped);
            return;
        }
        if (isMark(lower)) {
            return;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(lower)), Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); ) {
            int part = decomposed.codePointAt(i);
            i += Character.charCount(part);
            if (!isMark(part)) {
                out.appendCodePoint(mapLetter(part));
            }
        }
    }

    private static int mapLetter(int lower) {
        return switch (lower) {
            case 'ё' -> 'е';
            case 'ғ' -> 'г';
            case 'ӣ' -> 'и';
            case 'қ' -> 'к';
            case 'ӯ', 'ў' -> 'у';
            case 'ҳ', 'һ' -> 'х';
            case 'ҷ', 'ҹ' -> 'ч';
            default -> lower;
        };
    }

    static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}

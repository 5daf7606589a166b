package tj.migrantsguide.content.lint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a citation's quote is compared with the lines it cites (content/SPEC.md, Sources): after folding case, runs of
 * spaces (line breaks, tabs, no-break spaces) and quotation marks, so that «…», “…” and "…" are the same, a quote may
 * run over the end of one cited line into the next, and a document's markdown emphasis ({@code **…**}) does not
 * count. Letters are never folded into others: ҳ is not х, ё is not е, since a quote is the document's own words.
 */
final class Quotes {
    /** Quotation marks and apostrophes, folded away: " ' “ ” „ ‟ « » ‹ › ‘ ’ ‚ ` ´, and markdown's * and soft hyphens. */
    private static final String DROPPED = "\"'\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u2018\u2019\u201A`\u00B4*\u00AD";

    private Quotes() {}

    static String fold(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (DROPPED.indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Whether {@code quote} is on lines {@code first} to {@code last} (1-based, within {@code lines}). */
    static boolean onLines(List<String> lines, long first, long last, String quote) {
        return fold(String.join(" ", lines.subList((int) first - 1, (int) last))).contains(fold(quote));
    }

    /** The lines (1-based) that hold {@code quote} on their own, for telling an editor where it is. */
    static List<Integer> linesHolding(List<String> lines, String quote) {
        String folded = fold(quote);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size() && !folded.isEmpty(); i++) {
            if (fold(lines.get(i)).contains(folded)) {
                found.add(i + 1);
            }
        }
        return found;
    }

    /** The start of a line, for a message: at most {@code length} characters. */
    static String excerpt(String line, int length) {
        String stripped = line.strip().replaceAll("\\s+", " ");
        return stripped.length() <= length ? stripped : stripped.substring(0, length - 1) + "…";
    }
}

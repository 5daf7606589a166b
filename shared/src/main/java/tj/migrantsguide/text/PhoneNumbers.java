package tj.migrantsguide.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers as the search index sees them: digits only, whatever spacing or punctuation the source used, so
 * that {@code 2270707} finds {@code 227-07-07-07} and {@code +7 495} finds {@code +74959679844}.
 */
public final class PhoneNumbers {
    /** Shorter tails would match almost any number ("07"). */
    static final int SHORTEST_TAIL = 4;

    private PhoneNumbers() {}

    public static String digits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c >= '0' && c <= '9').forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * The digit strings a number is found by: all its digits as dialled and as printed, and the printed number
     * from each group on ({@code 227-07-07-07} also as {@code 070707}, {@code 0707}), because people often type a
     * number without its country or area code. Matching is by prefix, so these tails make a number findable by
     * any group a person starts typing from.
     */
    public static List<String> searchTokens(String dial, String display) {
        Set<String> tokens = new LinkedHashSet<>();
        String dialDigits = digits(dial);
        if (!dialDigits.isEmpty()) {
            tokens.add(dialDigits);
        }
        String displayDigits = digits(display);
        if (!displayDigits.isEmpty()) {
            tokens.add(displayDigits);
        }
        int digitsSeen = 0;
        boolean inGroup = false;
        for (int i = 0; i < display.length(); i++) {
            char c = display.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (digit && !inGroup && digitsSeen > 0) {
                String tail = displayDigits.substring(digitsSeen);
                if (tail.length() >= SHORTEST_TAIL) {
                    tokens.add(tail);
                }
            }
            if (digit) {
                digitsSeen++;
            }
            inGroup = digit;
        }
        return new ArrayList<>(tokens);
    }

    /**
     * Whether what a person typed is a phone number rather than words: only digits and the punctuation numbers are
     * written with, in more than one group ("+7 495", "227 07 07"). A single run of digits needs no joining.
     */
    public static boolean looksLikeSplitNumber(String typed) {
        int groups = 0;
        boolean inGroup = false;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && "+-()./ \t\u00a0".indexOf(c) < 0) {
                return false;
            }
            if (digit && !inGroup) {
                groups++;
            }
            inGroup = digit;
        }
        return groups > 1;
    }
}

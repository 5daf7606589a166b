package tj.migrantsguide.text;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Cuts the part of a text worth showing under a search hit, with the words the person looked for highlighted. */
public final class Excerpts {
    /** About two lines on a phone screen. */
    public static final int DEFAULT_LENGTH = 140;
    /** Words of context shown before the first match. */
    static final int WORDS_BEFORE = 4;
    static final String ELLIPSIS = "…";

    private Excerpts() {}

    /** The whole text (a title, a checklist item) with matches highlighted; line breaks become spaces. */
    public static Highlighted whole(String text, SearchQuery query) {
        return whole(text, query::matches);
    }

    /** {@link #whole(String, SearchQuery)}, highlighting the folded words {@code matches} accepts. */
    public static Highlighted whole(String text, Predicate<String> matches) {
        return highlight(text, Words.of(text), 0, text.length(), matches, false, false);
    }

    /**
     * About {@code length} characters of {@code text} around its first match, cut at word boundaries, with "…" where
     * it was cut; the opening of the text when nothing in it matches.
     */
    public static Highlighted around(String text, SearchQuery query, int length) {
        return around(text, query::matches, length);
    }

    /** {@link #around(String, SearchQuery, int)}, highlighting the folded words {@code matches} accepts. */
    public static Highlighted around(String text, Predicate<String> query, int length) {
        List<Words.Word> words = Words.of(text);
        if (words.isEmpty()) {
            return Highlighted.plain(text.strip());
        }
        int first = -1;
        for (int i = 0; i < words.size(); i++) {
            if (query.test(words.get(i).folded())) {
                first = i;
                break;
            }
        }
        int startWord = first <= WORDS_BEFORE ? 0 : first - WORDS_BEFORE;
        int start = startWord == 0 ? 0 : words.get(startWord).start();
        int end = start;
        for (int i = startWord; i < words.size(); i++) {
            Words.Word word = words.get(i);
            if (word.end() - start > length && end > start) {
                break;
            }
            end = word.end();
        }
        boolean cutAtEnd = end < words.get(words.size() - 1).end();
        if (!cutAtEnd) {
            end = text.length();
        }
        return highlight(text, words, start, end, query, start > 0, cutAtEnd);
    }

    /**
     * The printed number with the typed digits highlighted, when {@code query} is a number found in it (as a
     * whole, from any group on, or in its dialled form, shown then after the printed one).
     */
    public static Optional<Highlighted> phone(String dial, String display, SearchQuery query) {
        for (String typed : typedDigits(query)) {
            Optional<Highlighted> inDisplay = digitsFrom(display, typed);
            if (inDisplay.isPresent()) {
                return inDisplay;
            }
            Optional<Highlighted> inDial = digitsFrom(dial, typed);
            if (inDial.isPresent()) {
                Highlighted.Builder out = new Highlighted.Builder();
                if (!display.isEmpty()) {
                    out.add(display + " (", false);
                }
                inDial.get().segments().forEach(s -> out.add(s.text(), s.highlighted()));
                if (!display.isEmpty()) {
                    out.add(")", false);
                }
                return Optional.of(out.build());
            }
        }
        return Optional.empty();
    }

    private static List<String> typedDigits(SearchQuery query) {
        if (query.phoneDigits().isPresent()) {
            return List.of(query.phoneDigits().get());
        }
        return query.terms().stream().map(SearchQuery.Term::text)
                .filter(t -> !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9')).toList();
    }

    /** Highlights {@code typed} in {@code number} when it starts the number's digits or the start of a group. */
    private static Optional<Highlighted> digitsFrom(String number, String typed) {
        String digits = PhoneNumbers.digits(number);
        int[] positions = new int[digits.length()];
        int d = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9') {
                positions[d++] = i;
            }
        }
        for (int from = 0; from + typed.length() <= digits.length(); from++) {
            boolean groupStart = from == 0 || positions[from] != positions[from - 1] + 1;
            if (groupStart && digits.startsWith(typed, from)) {
                int startChar = positions[from];
                int endChar = positions[from + typed.length() - 1] + 1;
                return Optional.of(new Highlighted.Builder()
                        .add(number.substring(0, startChar), false)
                        .add(number.substring(startChar, endChar), true)
                        .add(number.substring(endChar), false)
                        .build());
            }
        }
        return Optional.empty();
    }

    /** {@code words} are all the words of {@code text}; those within [start, end) are shown. */
    private static Highlighted highlight(String text, List<Words.Word> words, int start, int end,
            Predicate<String> query, boolean cutAtStart, boolean cutAtEnd) {
        Highlighted.Builder out = new Highlighted.Builder();
        if (cutAtStart) {
            out.add(ELLIPSIS + " ", false);
        }
        int at = start;
        for (Words.Word word : words) {
            if (word.start() < start) {
                continue;
            }
            if (word.end() > end) {
                break;
            }
            out.add(oneLine(text.substring(at, word.start())), false);
            out.add(text.substring(word.start(), word.end()), query.test(word.folded()));
            at = word.end();
        }
        String tail = oneLine(text.substring(at, end));
        out.add(cutAtEnd ? tail.stripTrailing() : tail, false);
        if (cutAtEnd) {
            out.add(" " + ELLIPSIS, false);
        }
        return trimmed(out.build());
    }

    /** Runs of white space (line breaks between paragraphs) as one space. */
    private static String oneLine(String between) {
        boolean plain = true;
        for (int i = 0; i < between.length() && plain; i++) {
            char c = between.charAt(i);
            plain = !Character.isWhitespace(c) || (c == ' ' && (i == 0 || between.charAt(i - 1) != ' '));
        }
        if (plain) {
            return between;
        }
        StringBuilder out = new StringBuilder(between.length());
        boolean space = false;
        for (int i = 0; i < between.length(); i++) {
            char c = between.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }

    private static Highlighted trimmed(Highlighted h) {
        List<Highlighted.Segment> s = h.segments();
        if (s.isEmpty()) {
            return h;
        }
        Highlighted.Builder out = new Highlighted.Builder();
        for (int i = 0; i < s.size(); i++) {
            String text = s.get(i).text();
            if (i == 0) {
                text = text.stripLeading();
            }
            if (i == s.size() - 1) {
                text = text.stripTrailing();
            }
            out.add(text, s.get(i).highlighted());
        }
        return out.build();
    }
}

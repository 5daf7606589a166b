package tj.migrantsguide.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a text changed, word by word: the new text's runs, and the old text's removed words where they were, each run
 * marked kept, removed or added. The words are matched by java-diff-utils (Myers' algorithm); this class only cuts
 * the text into words, spaces and punctuation and joins the runs.
 */
public record TextChange(List<Part> parts) {
    public enum Mark {
        KEPT,
        REMOVED,
        ADDED
    }

    public record Part(String text, Mark mark) {
        public Part {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(mark, "mark");
        }
    }

    /** Words (letters with their marks, digits), runs of spaces, and each other character alone. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+|\\s+|.", Pattern.DOTALL);

    public TextChange {
        parts = List.copyOf(parts);
    }

    /** The change from {@code before} to {@code after}; all kept when they are equal. */
    public static TextChange between(String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        // What both share at the start and the end is kept without asking the diff: a typical edit changes a
        // sentence of a long article, and the diff then only sees that sentence.
        int prefix = 0;
        while (prefix < old.size() && prefix < now.size() && old.get(prefix).equals(now.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix
                && old.get(old.size() - 1 - suffix).equals(now.get(now.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> oldMiddle = old.subList(prefix, old.size() - suffix);
        List<String> nowMiddle = now.subList(prefix, now.size() - suffix);
        List<int[]> runs = new ArrayList<>(); // source start, source end, target start, target end
        if (rewritten(oldMiddle, nowMiddle)) {
            // A text written anew: word by word it would be a confetti of marks (and the diff's slowest case).
            runs.add(new int[] {prefix, old.size() - suffix, prefix, now.size() - suffix});
        } else {
            Patch<String> patch = DiffUtils.diff(oldMiddle, nowMiddle);
            // Changes only a space apart are one change: "[-15 days-]{+30 working days+}", not word by word.
            for (AbstractDelta<String> delta : patch.getDeltas()) {
                int[] run = {prefix + delta.getSource().getPosition(),
                        prefix + delta.getSource().getPosition() + delta.getSource().size(),
                        prefix + delta.getTarget().getPosition(),
                        prefix + delta.getTarget().getPosition() + delta.getTarget().size()};
                int last = runs.size() - 1;
                if (last >= 0 && blank(old.subList(runs.get(last)[1], run[0]))) {
                    runs.get(last)[1] = run[1];
                    runs.get(last)[3] = run[3];
                } else {
                    runs.add(run);
                }
            }
        }
        for (int[] run : runs) {
            // A space both sides end with (or start with) is kept, not struck and added again.
            while (run[1] > run[0] && run[3] > run[2] && old.get(run[1] - 1).isBlank()
                    && old.get(run[1] - 1).equals(now.get(run[3] - 1))) {
                run[1]--;
                run[3]--;
            }
            while (run[1] > run[0] && run[3] > run[2] && old.get(run[0]).isBlank()
                    && old.get(run[0]).equals(now.get(run[2]))) {
                run[0]++;
                run[2]++;
            }
        }
        Builder out = new Builder();
        int position = 0;
        for (int[] run : runs) {
            out.add(String.join("", old.subList(position, run[0])), Mark.KEPT);
            out.add(String.join("", old.subList(run[0], run[1])), Mark.REMOVED);
            out.add(String.join("", now.subList(run[2], run[3])), Mark.ADDED);
            position = run[1];
        }
        out.add(String.join("", old.subList(position, old.size())), Mark.KEPT);
        return out.build();
    }

    /** Fewer than a third of the words in common: the text was written anew, not edited. */
    static boolean rewritten(List<String> before, List<String> after) {
        java.util.Set<String> words = new java.util.HashSet<>();
        int oldWords = 0;
        for (String token : before) {
            if (Character.isLetterOrDigit(token.codePointAt(0))) {
                words.add(token);
                oldWords++;
            }
        }
        int newWords = 0;
        int shared = 0;
        for (String token : after) {
            if (Character.isLetterOrDigit(token.codePointAt(0))) {
                newWords++;
                if (words.contains(token)) {
                    shared++;
                }
            }
        }
        int most = Math.max(oldWords, newWords);
        return most >= 12 && shared * 3 < most;
    }

    private static boolean blank(List<String> tokens) {
        return tokens.stream().allMatch(String::isBlank);
    }

    /** A text that is wholly new (an added item) or wholly gone (a removed one). */
    public static TextChange all(String text, Mark mark) {
        return new Builder().add(text, mark).build();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    public boolean changed() {
        return parts.stream().anyMatch(p -> p.mark() != Mark.KEPT);
    }

    /** The text as it was. */
    public String before() {
        return join(Mark.ADDED);
    }

    /** The text as it is now. */
    public String after() {
        return join(Mark.REMOVED);
    }

    private String join(Mark leftOut) {
        StringBuilder text = new StringBuilder();
        parts.stream().filter(p -> p.mark() != leftOut).forEach(p -> text.append(p.text()));
        return text.toString();
    }

    /** For the command line: removed runs as {@code [-…-]}, added ones as <code>{+…+}</code> (as git's word diff). */
    public String marked() {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(switch (part.mark()) {
                case KEPT -> part.text();
                case REMOVED -> "[-" + part.text() + "-]";
                case ADDED -> "{+" + part.text() + "+}";
            });
        }
        return text.toString();
    }

    /**
     * The changed runs with up to {@code words} kept words on each side, runs of kept text further away cut to
     * "…": a long article with one changed word shows that word in its sentence, not the whole article.
     */
    public TextChange around(int words) {
        if (!changed()) {
            return this;
        }
        Builder out = new Builder();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.mark() != Mark.KEPT) {
                out.add(part.text(), part.mark());
                continue;
            }
            boolean first = i == 0;
            boolean last = i == parts.size() - 1;
            out.add(cut(part.text(), first ? 0 : words, last ? 0 : words), Mark.KEPT);
        }
        return out.build();
    }

    /** Keeps the first {@code head} and last {@code tail} words of {@code text}, "…" between when cut. */
    private static String cut(String text, int head, int tail) {
        List<String> tokens = tokens(text);
        List<Integer> wordStarts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (Character.isLetterOrDigit(tokens.get(i).codePointAt(0))) {
                wordStarts.add(i);
            }
        }
        if (wordStarts.size() <= head + tail + 1) {
            return text;
        }
        int headEnd = head == 0 ? 0 : wordStarts.get(head - 1) + 1;
        int tailStart = tail == 0 ? tokens.size() : wordStarts.get(wordStarts.size() - tail);
        String start = String.join("", tokens.subList(0, headEnd));
        String end = String.join("", tokens.subList(tailStart, tokens.size()));
        return (head == 0 ? "" : start + " ") + "…" + (tail == 0 ? "" : " " + end);
    }

    /** Joins neighbouring runs of the same mark and drops empty ones. */
    private static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        Builder add(String text, Mark mark) {
            if (text.isEmpty()) {
                return this;
            }
            int last = parts.size() - 1;
            if (last >= 0 && parts.get(last).mark() == mark) {
                parts.set(last, new Part(parts.get(last).text() + text, mark));
            } else {
                parts.add(new Part(text, mark));
            }
            return this;
        }

        TextChange build() {
            return new TextChange(parts);
        }
    }
}

package tj.migrantsguide.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of the original text cut into runs, each marked or not: the words a search matched, ready for the UI to
 * style (bold, background) and for the command line to put in «…».
 */
public record Highlighted(List<Segment> segments) {
    public record Segment(String text, boolean highlighted) {
        public Segment {
            Objects.requireNonNull(text, "text");
        }
    }

    public Highlighted {
        segments = List.copyOf(segments);
    }

    public static Highlighted plain(String text) {
        return text.isEmpty() ? new Highlighted(List.of()) : new Highlighted(List.of(new Segment(text, false)));
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        segments.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    public boolean hasHighlight() {
        return segments.stream().anyMatch(Segment::highlighted);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** The text with each highlighted run between {@code open} and {@code close}, e.g. «ҳуҷҷат». */
    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            out.append(s.highlighted() ? open + s.text() + close : s.text());
        }
        return out.toString();
    }

    /** Builds segments left to right, merging neighbours of the same kind. */
    static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private boolean runHighlighted;

        Builder add(String text, boolean highlighted) {
            if (text.isEmpty()) {
                return this;
            }
            if (highlighted != runHighlighted && !run.isEmpty()) {
                flush();
            }
            runHighlighted = highlighted;
            run.append(text);
            return this;
        }

        private void flush() {
            if (!run.isEmpty()) {
                segments.add(new Segment(run.toString(), runHighlighted));
                run.setLength(0);
            }
        }

        Highlighted build() {
            flush();
            return new Highlighted(segments);
        }
    }
}

package tj.migrantsguide.content.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code source:} line, parsed once by the loader (forms in content/SPEC.md, Sources). The linter checks what
 * it cites; the feed carries {@link #text()}.
 */
public sealed interface Citation {
    /** The line of the {@code source:} field. */
    int line();

    /** The value as written after {@code source:}. */
    String text();

    /** A line or lines of a source document: {@code 001_83c9d57138334d54.txt:461} or {@code …:161-163}. */
    record DocumentLines(String document, long first, long last, int line, String text) implements Citation {}

    /** The address of an official page. */
    record Page(String address, int line, String text) implements Citation {}

    /** A law or decision with its number, written out: free text. */
    record Other(int line, String text) implements Citation {}

    /** Names a document ({@code .txt}) but not in {@code FILE:LINE} form. */
    record Malformed(int line, String text) implements Citation {}

    /** {@code source:} with nothing after it. */
    record Empty(int line) implements Citation {
        @Override
        public String text() {
            return "";
        }
    }

    Pattern DOCUMENT = Pattern.compile("^([^\\s:/\\\\]+\\.txt):([0-9]+)(?:-([0-9]+))?$");
    Pattern URL = Pattern.compile("^https?://\\S+$");

    static Citation parse(Field field) {
        String value = field.value();
        Matcher document = DOCUMENT.matcher(value);
        if (value.isBlank()) {
            return new Empty(field.line());
        }
        if (document.matches()) {
            long first = lineNumber(document.group(2));
            long last = document.group(3) == null ? first : lineNumber(document.group(3));
            return new DocumentLines(document.group(1), first, last, field.line(), value);
        }
        if (URL.matcher(value).matches()) {
            return new Page(value, field.line(), value);
        }
        if (value.contains(".txt")) {
            return new Malformed(field.line(), value);
        }
        return new Other(field.line(), value);
    }

    /**
     * A cited line number; one too long for a long is past any document's end and reported as out of range
     * (it used to stop the linter with a NumberFormatException: content/fuzz/SourceFilesFuzzTestInputs/
     * .../crash-line-number-too-long).
     */
    private static long lineNumber(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}

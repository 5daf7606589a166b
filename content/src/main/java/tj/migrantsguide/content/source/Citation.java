package tj.migrantsguide.content.source;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code source:} line, parsed once by the loader (forms in content/SPEC.md, Sources):
 * <pre>
 * source: 001_83c9d57138334d54.txt:461 | "a short quote from that line"
 * source: 001_83c9d57138334d54.txt:161-163 | "a quote from those lines"
 * source: https://mfa.tj/ru/main/view/142 (read 2026-12-01) | "the words on the page"
 * source: Law No. 123 of 1 January 2020      (a law or decision with its number: free text)
 * </pre>
 * The linter checks what it cites; the feed carries {@link #locator()} and the quote.
 */
public sealed interface Citation {
    /** The line of the {@code source:} field. */
    int line();

    /** The value as written after {@code source:}. */
    String text();

    /** What is cited, without the quote: {@code 001_83c9d57138334d54.txt:461}, the page's address, the law. */
    default String locator() {
        int bar = text().indexOf('|');
        return (bar < 0 ? text() : text().substring(0, bar)).strip();
    }

    /** A line or lines of a source document. */
    record DocumentLines(String document, long first, long last, Optional<String> quote, int line, String text)
            implements Citation {}

    /** The address of an official page, the day an editor read it there, and the words it rests on. */
    record Page(String address, Optional<LocalDate> read, Optional<String> quote, int line, String text)
            implements Citation {}

    /** A law or decision with its number, written out: free text. */
    record Other(int line, String text) implements Citation {}

    /** Not in any of the forms above; {@code problem} says what is wrong, for the linter's message. */
    record Malformed(int line, String text, String problem) implements Citation {}

    /** {@code source:} with nothing after it. */
    record Empty(int line) implements Citation {
        @Override
        public String text() {
            return "";
        }
    }

    Pattern DOCUMENT = Pattern.compile("^([^\\s:/\\\\|]+\\.txt):([0-9]+)(?:-([0-9]+))?$");
    Pattern URL = Pattern.compile("^https?://\\S+$");
    Pattern PAGE = Pattern.compile("^(https?://\\S+)(?:\\s+\\(read ([^)]*)\\))?$");

    static Citation parse(Field field) {
        String value = field.value();
        int line = field.line();
        if (value.isBlank()) {
            return new Empty(line);
        }
        int bar = value.indexOf('|');
        String locator = (bar < 0 ? value : value.substring(0, bar)).strip();
        Optional<String> quote = Optional.empty();
        if (bar >= 0) {
            String written = value.substring(bar + 1).strip();
            if (written.length() < 3 || !written.startsWith("\"") || !written.endsWith("\"")
                    || written.substring(1, written.length() - 1).isBlank()) {
                return new Malformed(line, value, "after '|' comes the quote in double quotes, e.g. "
                        + "'| \"the words of the line\"'; got " + written);
            }
            quote = Optional.of(written.substring(1, written.length() - 1).strip());
        }
        Matcher document = DOCUMENT.matcher(locator);
        if (document.matches()) {
            long first = lineNumber(document.group(2));
            long last = document.group(3) == null ? first : lineNumber(document.group(3));
            return new DocumentLines(document.group(1), first, last, quote, line, value);
        }
        Matcher page = PAGE.matcher(locator);
        if (page.matches()) {
            Optional<LocalDate> read = Optional.empty();
            if (page.group(2) != null) {
                try {
                    read = Optional.of(LocalDate.parse(page.group(2).strip()));
                } catch (DateTimeParseException e) {
                    return new Malformed(line, value, "the day a page was read is written '(read YYYY-MM-DD)'; got"
                            + " (read " + page.group(2) + ")");
                }
            }
            return new Page(page.group(1), read, quote, line, value);
        }
        if (locator.contains(".txt")) {
            return new Malformed(line, value, "a document is cited as FILE:LINE (e.g. 001_83c9d57138334d54.txt:461);"
                    + " got " + value);
        }
        if (quote.isPresent()) {
            return new Malformed(line, value, "a quote follows a document's FILE:LINE or a page's address, not"
                    + " free text; got " + value);
        }
        return new Other(line, value);
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

package tj.migrantsguide.content.source;

import java.nio.file.Path;

/**
 * Something wrong in the editorial sources, found by the parser or the linter.
 *
 * @param rule a short stable name of the rule ("missing-source", "future-date"), for editors and tests
 * @param severity errors stop publishing; warnings are shown but do not
 */
public record Problem(Path file, int line, String rule, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static Problem error(Path file, int line, String rule, String message) {
        return new Problem(file, line, rule, Severity.ERROR, message);
    }

    public static Problem warning(Path file, int line, String rule, String message) {
        return new Problem(file, line, rule, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code guide/RU/ru.txt:12: error [missing-source] …}, the shape compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + rule + "] "
                + message;
    }
}

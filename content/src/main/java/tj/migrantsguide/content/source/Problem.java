package tj.migrantsguide.content.source;

import java.nio.file.Path;

/**
 * Something wrong in the editorial sources, found by the parser, the loader or the linter.
 *
 * @param rule which rule of {@link Rule} (its stable name is {@link #code()}); the rule fixes the severity
 */
public record Problem(Path file, int line, Rule rule, String message) {
    public static Problem of(Path file, int line, Rule rule, String message) {
        return new Problem(file, line, rule, message);
    }

    /** The rule's stable name ("missing-source", "future-date"), for editors and tests. */
    public String code() {
        return rule.code();
    }

    public Rule.Severity severity() {
        return rule.severity();
    }

    /** Errors stop publishing; warnings are shown but do not. */
    public boolean isError() {
        return rule.severity() == Rule.Severity.ERROR;
    }

    /** {@code guide/RU/ru.txt:12: error [missing-source] …}, the shape compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + rule.severityName() + " [" + rule.code() + "] " + message;
    }
}

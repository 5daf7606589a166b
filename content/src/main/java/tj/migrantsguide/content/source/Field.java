package tj.migrantsguide.content.source;

/** One {@code key: value} line of a source file, with its line number for error messages. */
public record Field(String key, String value, int line) {}

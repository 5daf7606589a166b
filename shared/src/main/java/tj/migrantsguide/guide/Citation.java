package tj.migrantsguide.guide;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code source:} of an item as the feed carries it (content/SPEC.md, "Sources"): a document line
 * ({@code 001_83c9d57138334d54.txt:466 | "quote"}), a web page ({@code https://mfa.tj/… (read 2026-11-23) | "quote"})
 * or a law written out. Screens show the named source ({@link NamedSource}, found by {@link #find}) and the quote on
 * demand, never the file name.
 *
 * @param text the citation as written
 * @param document the cited document's file name, for a document line
 * @param lines the cited line or lines ("466", "466-468"), for a document line
 * @param page the page's address, for a web page
 * @param read the day the page was read ("2026-11-23"), when given
 * @param quote the words the item rests on, without their quotation marks
 */
public record Citation(String text, Optional<String> document, Optional<String> lines, Optional<URI> page,
        Optional<String> read, Optional<String> quote) {
    private static final Pattern DOCUMENT = Pattern.compile("^([A-Za-z0-9_.-]+\\.txt):([0-9]+(?:-[0-9]+)?)$");
    private static final Pattern PAGE = Pattern.compile("^(https?://\\S+)(?:\\s+\\(read ([0-9-]+)\\))?$");

    public Citation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(quote, "quote");
    }

    public static Citation parse(String source) {
        String where = source.strip();
        Optional<String> quote = Optional.empty();
        int bar = where.indexOf(" | ");
        if (bar >= 0) {
            String q = where.substring(bar + 3).strip();
            if (q.length() >= 2 && q.startsWith("\"") && q.endsWith("\"")) {
                q = q.substring(1, q.length() - 1);
            }
            quote = Optional.of(q).filter(s -> !s.isBlank());
            where = where.substring(0, bar).strip();
        }
        Matcher document = DOCUMENT.matcher(where);
        if (document.matches()) {
            return new Citation(source, Optional.of(document.group(1)), Optional.of(document.group(2)),
                    Optional.empty(), Optional.empty(), quote);
        }
        Matcher page = PAGE.matcher(where);
        if (page.matches()) {
            try {
                return new Citation(source, Optional.empty(), Optional.empty(), Optional.of(URI.create(page.group(1))),
                        Optional.ofNullable(page.group(2)), quote);
            } catch (IllegalArgumentException notAnAddress) {
                // Shown as written, like a law.
            }
        }
        return new Citation(source, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), quote);
    }

    /** Where it is, as written before the quote: the file and line, the page's address, or the law. */
    public String location() {
        int bar = text.indexOf(" | ");
        return (bar >= 0 ? text.substring(0, bar) : text).strip();
    }

    /**
     * The named source of this citation: the document by its file name; a page by its host, then by each parent
     * domain ({@code old.vkd.tj} is {@code vkd.tj}'s), with {@code www.} left out. Empty for a law or an unnamed one.
     */
    public Optional<NamedSource> find(List<NamedSource> table) {
        if (document.isPresent()) {
            return table.stream().filter(s -> s.id().equals(document.get())).findFirst();
        }
        if (page.isEmpty() || page.get().getHost() == null) {
            return Optional.empty();
        }
        String host = page.get().getHost().toLowerCase(Locale.ROOT);
        while (host.contains(".")) {
            String candidate = host.startsWith("www.") ? host.substring(4) : host;
            Optional<NamedSource> found = table.stream().filter(s -> s.id().equals(candidate)).findFirst();
            if (found.isPresent()) {
                return found;
            }
            host = host.substring(host.indexOf('.') + 1);
        }
        return Optional.empty();
    }
}

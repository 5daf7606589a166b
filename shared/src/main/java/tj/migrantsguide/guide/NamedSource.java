package tj.migrantsguide.guide;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A document or web site the content cites, named as a person should see it ("UN Committee on Migrant Workers,
 * third periodic report of Tajikistan, 2024") instead of a file name or an address. The feed carries the table once,
 * in the common pack (content/guide/sources.txt; content/SPEC.md, "Sources").
 *
 * @param id the document's file name ({@code 001_83c9d57138334d54.txt}) or the site's host ({@code mfa.tj}): what a
 *     citation names
 * @param title per language; empty for a site (its pages are cited one by one, with the day they were read)
 * @param publisher per language: who wrote or runs it
 * @param year the year of a document; empty for a site
 * @param writtenIn the language code the document or site is written in ({@code en}, {@code ru}, {@code tg}, …):
 *     the quotes are in it
 */
public record NamedSource(String id, Kind kind, Map<Language, String> title, Map<Language, String> publisher,
        Optional<Integer> year, String writtenIn) {
    public enum Kind {
        /** A page of a government body or public service. */
        OFFICIAL_PAGE("official-page"),
        /** A report a government wrote (Tajikistan's answers to the UN and others). */
        GOVERNMENT_REPORT("government-report"),
        /** A report of a UN body. */
        UN_REPORT("un-report"),
        /** A research or assessment report (e.g. an IOM profile). */
        RESEARCH_REPORT("research-report"),
        /** News: only ever a second source next to an official one. */
        NEWS("news");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public NamedSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = copy(title);
        publisher = copy(publisher);
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(writtenIn, "writtenIn");
    }

    private static Map<Language, String> copy(Map<Language, String> texts) {
        Map<Language, String> copy = new EnumMap<>(Language.class);
        texts.forEach((language, text) -> {
            if (!text.isBlank()) {
                copy.put(language, text);
            }
        });
        return Map.copyOf(copy);
    }

    /** A site: its pages are cited by address. */
    public boolean isSite() {
        return title.isEmpty();
    }

    /** The title in {@code language}, else in the languages people read most often here; empty for a site. */
    public Optional<String> title(Language language) {
        return inOrder(title, language);
    }

    public Optional<String> publisher(Language language) {
        return inOrder(publisher, language);
    }

    private static Optional<String> inOrder(Map<Language, String> texts, Language language) {
        for (Language l : List.of(language, Language.RUSSIAN, Language.ENGLISH, Language.TAJIK)) {
            if (texts.containsKey(l)) {
                return Optional.of(texts.get(l));
            }
        }
        return Optional.empty();
    }

    /**
     * One line for a screen or a handout: "UN Committee on Migrant Workers, third periodic report of Tajikistan,
     * 2024" for a document, the publisher alone for a site.
     */
    public String describe(Language language) {
        StringBuilder text = new StringBuilder(publisher(language).orElse(id));
        title(language).ifPresent(t -> text.append(", ").append(t));
        year.ifPresent(y -> text.append(", ").append(y));
        return text.toString();
    }
}

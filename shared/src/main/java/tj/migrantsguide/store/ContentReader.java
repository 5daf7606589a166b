package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.NamedSource;
import tj.migrantsguide.text.SearchQuery;
import tj.migrantsguide.text.Typos;

/**
 * What screens read of content.db, on a read-only connection of its own: each read is one read transaction (one
 * snapshot), so a read never sees half an update, and ends by releasing it, so the next read sees the latest
 * committed content and no old snapshot keeps the WAL from being checkpointed.
 */
final class ContentReader implements AutoCloseable {
    /** One read's SQL, on the reader's connection, inside its read transaction. */
    @FunctionalInterface
    private interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final SearchIndex searchIndex;

    ContentReader(Connection connection) {
        this.connection = connection;
        this.searchIndex = new SearchIndex(connection);
    }

    /** Runs {@code read} alone on the connection, in one read transaction; a failure is "{@code operation}". */
    private synchronized <T> T read(String operation, Read<T> read) {
        try {
            return read.run(connection);
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        } finally {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new StoreException("finish reading", e);
            }
        }
    }

    Optional<InstalledFeed> installedFeed() {
        return read("read installed feed", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT version, published, expires, installed_at FROM installed_feed WHERE id = 1");
                    ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new InstalledFeed(rows.getLong(1), Instant.parse(rows.getString(2)),
                        Instant.parse(rows.getString(3)), Instant.parse(rows.getString(4))));
            }
        });
    }

    Map<String, String> installedPacks() {
        return read("read installed packs", c -> {
            Map<String, String> packs = new LinkedHashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT name, sha256 FROM installed_pack ORDER BY name");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    packs.put(rows.getString(1), rows.getString(2));
                }
            }
            return packs;
        });
    }

    List<Country> countries() {
        return read("read countries", c -> {
            Map<String, Map<Language, String>> names = new LinkedHashMap<>();
            Map<String, Integer> order = new LinkedHashMap<>();
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT c.code, c.sort_order, n.language, n.name
                    FROM country c LEFT JOIN country_name n ON n.country = c.code
                    ORDER BY c.sort_order, c.code""");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String code = rows.getString(1);
                    order.put(code, rows.getInt(2));
                    Map<Language, String> byLanguage = names.computeIfAbsent(code, k -> new EnumMap<>(Language.class));
                    Optional<Language> language = Language.fromCode(rows.getString(3));
                    if (language.isPresent()) {
                        byLanguage.put(language.get(), rows.getString(4));
                    }
                }
            }
            List<Country> countries = new ArrayList<>();
            names.forEach((code, byLanguage) -> countries.add(new Country(code, byLanguage, order.get(code))));
            return countries;
        });
    }

    List<NamedSource> namedSources() {
        return read("read named sources", c -> {
            List<NamedSource> sources = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT id, kind, year, written_in, title_tg, title_ru, title_en, publisher_tg, publisher_ru,
                        publisher_en FROM named_source ORDER BY id""");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Optional<NamedSource.Kind> kind = NamedSource.Kind.fromCode(rows.getString(2));
                    if (kind.isEmpty()) {
                        continue; // a kind a newer app wrote: shown as its citation, as before the table
                    }
                    int yearValue = rows.getInt(3);
                    Optional<Integer> year = rows.wasNull() ? Optional.empty() : Optional.of(yearValue);
                    Map<Language, String> title = new EnumMap<>(Language.class);
                    Map<Language, String> publisher = new EnumMap<>(Language.class);
                    int column = 5;
                    for (Map<Language, String> texts : List.of(title, publisher)) {
                        for (Language language : List.of(Language.TAJIK, Language.RUSSIAN, Language.ENGLISH)) {
                            String text = rows.getString(column++);
                            if (text != null) {
                                texts.put(language, text);
                            }
                        }
                    }
                    sources.add(new NamedSource(rows.getString(1), kind.get(), title, publisher, year,
                            rows.getString(4)));
                }
            }
            return sources;
        });
    }

    List<Article> articles(String countryCode, Language language) {
        return read("read articles of " + countryCode, c -> PackRows.articles(c, countryCode, language));
    }

    List<Contact> contacts(String countryCode, Language language) {
        return read("read contacts of " + countryCode, c -> PackRows.contacts(c, countryCode, language));
    }

    List<Checklist> checklists(String countryCode, Language language) {
        return read("read checklists of " + countryCode, c -> PackRows.checklists(c, countryCode, language));
    }

    List<DateRule> rules(String countryCode, Language language) {
        return read("read date rules of " + countryCode, c -> PackRows.rules(c, countryCode, language));
    }

    /** Every country's rules in {@code language}, in one read (one snapshot). */
    List<DateRule> rules(Language language) {
        return read("read date rules", c -> {
            List<DateRule> rules = new ArrayList<>();
            for (String country : PackRows.ruleCountries(c, language)) {
                rules.addAll(PackRows.rules(c, country, language));
            }
            return rules;
        });
    }

    List<ContentChanges> changes(long sinceVersion, Optional<Language> language) {
        return read("read what changed", c -> ChangeLog.read(c, sinceVersion, language));
    }

    Optional<Provenance> provenance() {
        return read("read where the content came from", c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT version, installed_at, origin, received_from, signed_by FROM installed_feed WHERE id = 1");
                    ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Provenance(rows.getLong(1), Instant.parse(rows.getString(2)),
                        Provenance.Origin.fromCode(rows.getString(3)), nonEmpty(rows.getString(5)),
                        nonEmpty(rows.getString(4))));
            }
        });
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    SearchResults search(String text, Language language, int limit, Set<String> countries) {
        SearchQuery query = SearchQuery.parse(text);
        return read("search", c -> searchIndex.search(query, language, limit, countries));
    }

    /**
     * Each language's typo lookup built off the reading lock (the vocabulary is read under it, the lookup made
     * outside it), so that searches go on while it is made.
     */
    void prepareSearch() {
        read("prepare search", c -> {
            searchIndex.prepareConceptsAndForms();
            return null;
        });
        for (Language language : Language.values()) {
            Optional<SearchIndex.Vocabulary> vocabulary = read("read the vocabulary", c -> searchIndex.vocabularyToBuild(language));
            if (vocabulary.isPresent()) {
                Typos built = Typos.of(vocabulary.get().words());
                read("keep the typo lookup", c -> {
                    searchIndex.keep(vocabulary.get(), built);
                    return null;
                });
            }
        }
    }

    ContentCounts counts() {
        return read("count content", c -> {
            Map<Language, Integer> items = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                items.put(language, 0);
            }
            try (Statement statement = c.createStatement()) {
                try (ResultSet rows = statement.executeQuery("""
                        SELECT language, count(*) FROM (
                            SELECT language FROM article UNION ALL SELECT language FROM contact
                            UNION ALL SELECT language FROM checklist_item)
                        GROUP BY language""")) {
                    while (rows.next()) {
                        int count = rows.getInt(2);
                        Language.fromCode(rows.getString(1)).ifPresent(l -> items.put(l, count));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM country")) {
                    return new ContentCounts(rows.next() ? rows.getInt(1) : 0, items);
                }
            }
        });
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}

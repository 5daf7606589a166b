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
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Stage;
import tj.migrantsguide.text.SearchQuery;

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

    List<Article> articles(String countryCode, Language language) {
        return read("read articles of " + countryCode, c -> {
            List<Article> articles = new ArrayList<>();
            try (PreparedStatement query = packQuery(c, """
                    SELECT id, stage, title, body, sources, verified, sort_order FROM article
                    WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    articles.add(new Article(rows.getString(1), countryCode,
                            Stage.fromCode(rows.getString(2)).orElseThrow(), language, rows.getString(3),
                            rows.getString(4), StoredLists.strings(rows.getString(5)),
                            StoredLists.date(rows.getString(6)), rows.getInt(7)));
                }
            }
            return articles;
        });
    }

    List<Contact> contacts(String countryCode, Language language) {
        return read("read contacts of " + countryCode, c -> {
            List<Contact> contacts = new ArrayList<>();
            try (PreparedStatement query = packQuery(c, """
                    SELECT id, kind, name, phones, address, hours, languages, email, website, note, sources, verified,
                        emergency, sort_order
                    FROM contact WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    contacts.add(new Contact(rows.getString(1), countryCode,
                            ContactKind.fromCode(rows.getString(2)).orElseThrow(), language, rows.getString(3),
                            StoredLists.phones(rows.getString(4)), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                            StoredLists.strings(rows.getString(11)), StoredLists.date(rows.getString(12)),
                            rows.getInt(13) != 0, rows.getInt(14)));
                }
            }
            return contacts;
        });
    }

    List<Checklist> checklists(String countryCode, Language language) {
        return read("read checklists of " + countryCode, c -> {
            List<Checklist> checklists = new ArrayList<>();
            try (PreparedStatement listQuery = packQuery(c, """
                    SELECT id, stage, title, sources, verified, sort_order FROM checklist
                    WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                    PreparedStatement itemQuery = c.prepareStatement(
                            "SELECT id, text FROM checklist_item WHERE checklist = ? AND language = ? ORDER BY position");
                    ResultSet rows = listQuery.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    List<ChecklistItem> items = new ArrayList<>();
                    itemQuery.setString(1, id);
                    itemQuery.setString(2, language.code());
                    try (ResultSet itemRows = itemQuery.executeQuery()) {
                        while (itemRows.next()) {
                            items.add(new ChecklistItem(itemRows.getString(1), itemRows.getString(2)));
                        }
                    }
                    checklists.add(new Checklist(id, countryCode, Stage.fromCode(rows.getString(2)).orElseThrow(),
                            language, rows.getString(3), items, StoredLists.strings(rows.getString(4)),
                            StoredLists.date(rows.getString(5)), rows.getInt(6)));
                }
            }
            return checklists;
        });
    }

    SearchResults search(String text, Language language, int limit) {
        SearchQuery query = SearchQuery.parse(text);
        return read("search", c -> searchIndex.search(query, language, limit));
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

    /** A query over one country pack: {@code sql}'s two parameters are the country and the language. */
    private static PreparedStatement packQuery(Connection c, String sql, String countryCode, Language language)
            throws SQLException {
        PreparedStatement query = c.prepareStatement(sql);
        try {
            query.setString(1, countryCode);
            query.setString(2, language.code());
            return query;
        } catch (SQLException e) {
            query.close();
            throw e;
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}

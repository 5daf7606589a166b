package tj.migrantsguide.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.text.Excerpts;
import tj.migrantsguide.text.Highlighted;
import tj.migrantsguide.text.PhoneNumbers;
import tj.migrantsguide.text.SearchQuery;
import tj.migrantsguide.text.Words;

/**
 * Full-text search over articles, contacts, checklists and checklist items (docs/database.md, "Search").
 *
 * <p>{@code search_doc} lists what can be found, with the original text to show; one FTS5 index per language
 * ({@code search_tg}, {@code search_ru}, {@code search_en}) holds the folded words under the same rowid. The
 * indexes are contentless: text is folded in Java ({@link tj.migrantsguide.text.Folding}), which SQLite cannot do,
 * and highlighting is done in Java on the original text, so the index never needs its text back.
 */
final class SearchIndex {
    /**
     * Above this many matches in one language, ranking every match costs more than a keystroke may (bm25 costs
     * about 2 µs a match): the hits then come from the first matches instead, title matches before the others.
     */
    static final int RANKED_MATCHES_CAP = 600;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, String>>> PHONES = new TypeReference<>() {};

    // What each kind shows and is found by. Rows enter search_doc by these statements, from the content tables,
    // both when a pack is applied and when the whole index is rebuilt; %s is the pack condition.
    private record Source(String sql, String alias) {}

    private static final List<Source> DOCUMENTS = List.of(
            new Source("""
                    INSERT INTO search_doc (kind, country, language, id, checklist, title, body, phones)
                    SELECT 'article', country, language, id, '', title, body, '[]' FROM article WHERE %s
                    ORDER BY country, language, sort_order, id""", ""),
            new Source("""
                    INSERT INTO search_doc (kind, country, language, id, checklist, title, body, phones)
                    SELECT 'contact', country, language, id, '', name,
                        trim(note || char(10) || address || char(10) || hours, char(10)), phones
                    FROM contact WHERE %s ORDER BY country, language, sort_order, id""", ""),
            new Source("""
                    INSERT INTO search_doc (kind, country, language, id, checklist, title, body, phones)
                    SELECT 'checklist', c.country, c.language, c.id, '', c.title,
                        coalesce((SELECT group_concat(text, char(10)) FROM (
                            SELECT text FROM checklist_item i WHERE i.checklist = c.id AND i.language = c.language
                            ORDER BY position)), ''), '[]'
                    FROM checklist c WHERE %s ORDER BY c.country, c.language, c.sort_order, c.id""", "c."),
            new Source("""
                    INSERT INTO search_doc (kind, country, language, id, checklist, title, body, phones)
                    SELECT 'checklist-item', c.country, c.language, i.id, c.id, i.text, c.title, '[]'
                    FROM checklist c JOIN checklist_item i ON i.checklist = c.id AND i.language = c.language
                    WHERE %s ORDER BY c.country, c.language, c.sort_order, c.id, i.position""", "c."));

    private SearchIndex() {}

    static String table(Language language) {
        return "search_" + language.code();
    }

    /** Indexes all content again from scratch (after a migration that changes the index or the folding). */
    static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Language language : Language.values()) {
                statement.execute("DELETE FROM " + table(language));
            }
            statement.execute("DELETE FROM search_doc");
        }
        indexWhere(connection, Optional.empty());
    }

    /** Indexes one country pack's rows, already in the content tables. */
    static void addPack(Connection connection, String countryCode, String languageCode) throws SQLException {
        indexWhere(connection, Optional.of(List.of(countryCode, languageCode)));
    }

    static void removePack(Connection connection, String countryCode, String languageCode) throws SQLException {
        Optional<Language> language = Language.fromCode(languageCode);
        if (language.isPresent()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table(language.get())
                    + " WHERE rowid IN (SELECT rowid FROM search_doc WHERE country = ? AND language = ?)")) {
                delete.setString(1, countryCode);
                delete.setString(2, languageCode);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM search_doc WHERE country = ? AND language = ?")) {
            delete.setString(1, countryCode);
            delete.setString(2, languageCode);
            delete.executeUpdate();
        }
    }

    /** Adds the rows of one pack ({@code [country, language]}) or of all content to the index. */
    private static void indexWhere(Connection connection, Optional<List<String>> pack) throws SQLException {
        long before;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(rowid), 0) FROM search_doc")) {
            before = rows.next() ? rows.getLong(1) : 0;
        }
        for (Source source : DOCUMENTS) {
            String where = pack.isEmpty() ? "1 = 1"
                    : source.alias() + "country = ? AND " + source.alias() + "language = ?";
            try (PreparedStatement insert = connection.prepareStatement(source.sql().formatted(where))) {
                if (pack.isPresent()) {
                    insert.setString(1, pack.get().get(0));
                    insert.setString(2, pack.get().get(1));
                }
                insert.executeUpdate();
            }
        }
        Map<Language, PreparedStatement> inserts = new EnumMap<>(Language.class);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT rowid, language, title, body, phones FROM search_doc WHERE rowid > ? ORDER BY rowid")) {
            for (Language language : Language.values()) {
                inserts.put(language, connection.prepareStatement(
                        "INSERT INTO " + table(language) + " (rowid, title, body, numbers) VALUES (?, ?, ?, ?)"));
            }
            select.setLong(1, before);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Optional<Language> language = Language.fromCode(rows.getString(2));
                    if (language.isEmpty()) {
                        continue;
                    }
                    PreparedStatement insert = inserts.get(language.get());
                    insert.setLong(1, rows.getLong(1));
                    insert.setString(2, Words.indexText(rows.getString(3)));
                    insert.setString(3, Words.indexText(rows.getString(4)));
                    insert.setString(4, numbers(rows.getString(5)));
                    insert.addBatch();
                }
            }
            for (PreparedStatement insert : inserts.values()) {
                insert.executeBatch();
            }
        } finally {
            for (PreparedStatement insert : inserts.values()) {
                insert.close();
            }
        }
    }

    private static String numbers(String phonesJson) {
        StringBuilder out = new StringBuilder();
        for (Map<String, String> phone : phones(phonesJson)) {
            for (String token : PhoneNumbers.searchTokens(phone.getOrDefault("dial", ""),
                    phone.getOrDefault("display", ""))) {
                out.append(out.isEmpty() ? "" : " ").append(token);
            }
        }
        return out.toString();
    }

    private static List<Map<String, String>> phones(String json) {
        try {
            return JSON.readValue(json, PHONES);
        } catch (JsonProcessingException e) {
            throw new StoreException("read the phones of a contact", e);
        }
    }

    // ---- searching ----

    /**
     * The best {@code limit} hits: those in {@code language} first, then the other languages'. Every word must
     * match (the last one, and longer ones, as prefixes: see {@link SearchQuery}).
     */
    static List<SearchHit> search(Connection connection, SearchQuery query, Language language, int limit)
            throws SQLException {
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        String match = matchExpression(query);
        List<Long> rowids = new ArrayList<>(best(connection, table(language), match, limit));
        for (Language other : Language.values()) {
            if (other != language && rowids.size() < limit) {
                rowids.addAll(best(connection, table(other), match, limit - rowids.size()));
            }
        }
        List<SearchHit> hits = new ArrayList<>(rowids.size());
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT kind, country, language, id, checklist, title, body, phones FROM search_doc
                WHERE rowid = ?""")) {
            for (long rowid : rowids) {
                select.setLong(1, rowid);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        hits.add(hit(row, query));
                    }
                }
            }
        }
        return hits;
    }

    /**
     * An FTS5 expression in which every word is a quoted string: whatever was typed, no operator, column filter
     * or syntax error can come out of it. A number typed in groups may also match as one run of digits.
     */
    static String matchExpression(SearchQuery query) {
        StringBuilder words = new StringBuilder();
        for (SearchQuery.Term term : query.terms()) {
            words.append(words.isEmpty() ? "" : " ").append(quoted(term.text())).append(term.prefix() ? "*" : "");
        }
        if (query.phoneDigits().isPresent()) {
            return "(" + words + ") OR " + quoted(query.phoneDigits().get()) + "*";
        }
        return words.toString();
    }

    private static String quoted(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }

    private static List<Long> best(Connection connection, String table, String match, int limit)
            throws SQLException {
        int matches = cappedCount(connection, table, match);
        if (matches == 0) {
            return List.of();
        }
        if (matches < RANKED_MATCHES_CAP) {
            return rowids(connection, "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ? ORDER BY rank LIMIT ?",
                    match, limit);
        }
        // Too many to rank: title matches first, in guide order, then the rest.
        Set<Long> chosen = new LinkedHashSet<>(rowids(connection,
                "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ? LIMIT ?", "{title} : (" + match + ")",
                limit));
        if (chosen.size() < limit) {
            for (long rowid : rowids(connection, "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ? LIMIT ?",
                    match, 2 * limit)) {
                if (chosen.size() == limit) {
                    break;
                }
                chosen.add(rowid);
            }
        }
        return new ArrayList<>(chosen);
    }

    private static int cappedCount(Connection connection, String table, String match) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM (SELECT rowid FROM " + table
                + " WHERE " + table + " MATCH ? LIMIT " + RANKED_MATCHES_CAP + ")")) {
            count.setString(1, match);
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static List<Long> rowids(Connection connection, String sql, String match, int limit) throws SQLException {
        List<Long> rowids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, match);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rowids.add(rows.getLong(1));
                }
            }
        }
        return rowids;
    }

    private static SearchHit hit(ResultSet row, SearchQuery query) throws SQLException {
        ItemKind kind = ItemKind.fromCode(row.getString(1)).orElseThrow();
        String checklist = row.getString(5);
        String title = row.getString(6);
        String body = row.getString(7);
        Highlighted excerpt = switch (kind) {
            case CHECKLIST_ITEM -> Excerpts.whole(body, query);
            case CONTACT -> phoneExcerpt(row.getString(8), query)
                    .orElseGet(() -> Excerpts.around(body, query, Excerpts.DEFAULT_LENGTH));
            default -> Excerpts.around(body, query, Excerpts.DEFAULT_LENGTH);
        };
        return new SearchHit(kind, row.getString(2), Language.fromCode(row.getString(3)).orElseThrow(),
                row.getString(4), checklist.isEmpty() ? Optional.empty() : Optional.of(checklist),
                Excerpts.whole(title, query), excerpt);
    }

    private static Optional<Highlighted> phoneExcerpt(String phonesJson, SearchQuery query) {
        for (Map<String, String> phone : phones(phonesJson)) {
            Optional<Highlighted> shown = Excerpts.phone(phone.getOrDefault("dial", ""),
                    phone.getOrDefault("display", ""), query);
            if (shown.isPresent()) {
                return shown;
            }
        }
        return Optional.empty();
    }
}

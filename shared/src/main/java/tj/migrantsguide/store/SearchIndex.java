package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
 * <p>{@code search_doc} lists what can be found (kind, country, language, id); one FTS5 index per language
 * ({@code search_tg}, {@code search_ru}, {@code search_en}) holds its folded words under the same rowid. The
 * indexes are contentless: text is folded in Java ({@link tj.migrantsguide.text.Folding}), which SQLite cannot do,
 * and hits are highlighted in Java in the original text, read from the content tables, so the index never needs
 * its text back and no text is stored twice.
 */
final class SearchIndex {
    /**
     * From this many matches in one language on, ranking every match costs more than a keystroke may (bm25 costs
     * about 2 µs a match, plus a pass over each word's matches): the hits then come from the first matches
     * instead, title matches before the others. Measured at 100k items: 300 gave a lower p95 than 600, and 150
     * no better than 300 (docs/database.md, "Search").
     */
    static final int RANKED_MATCHES_CAP = 300;

    private static final String CONTACT_BODY = "trim(note || char(10) || address || char(10) || hours, char(10))";
    private static final String CHECKLIST_ITEMS = """
            coalesce((SELECT group_concat(text, char(10)) FROM (
                SELECT text FROM checklist_item i WHERE i.checklist = c.id AND i.language = c.language
                ORDER BY position)), '')""";

    /**
     * What each kind is found by and shows: its title, its body and its phones (JSON), read from the content
     * tables. {@code index} lists a pack's (or all) rows, %s being the pack condition; {@code one} reads one hit.
     */
    private record Source(ItemKind kind, String index, String alias, String one) {}

    private static final List<Source> SOURCES = List.of(
            new Source(ItemKind.ARTICLE, """
                    SELECT country, language, id, '', title, body, '[]' FROM article WHERE %s
                    ORDER BY country, language, sort_order, id""", "",
                    "SELECT title, body, '[]' FROM article WHERE id = ? AND language = ?"),
            new Source(ItemKind.CONTACT, """
                    SELECT country, language, id, '', name, %1$s, phones FROM contact WHERE %%s
                    ORDER BY country, language, sort_order, id""".formatted(CONTACT_BODY), "",
                    "SELECT name, " + CONTACT_BODY + ", phones FROM contact WHERE id = ? AND language = ?"),
            new Source(ItemKind.CHECKLIST, """
                    SELECT c.country, c.language, c.id, '', c.title, %1$s, '[]' FROM checklist c WHERE %%s
                    ORDER BY c.country, c.language, c.sort_order, c.id""".formatted(CHECKLIST_ITEMS), "c.",
                    "SELECT c.title, " + CHECKLIST_ITEMS + ", '[]' FROM checklist c WHERE c.id = ? AND c.language = ?"),
            new Source(ItemKind.CHECKLIST_ITEM, """
                    SELECT c.country, c.language, i.id, c.id, i.text, c.title, '[]'
                    FROM checklist c JOIN checklist_item i ON i.checklist = c.id AND i.language = c.language
                    WHERE %s ORDER BY c.country, c.language, c.sort_order, c.id, i.position""", "c.",
                    """
                    SELECT i.text, c.title, '[]'
                    FROM checklist_item i JOIN checklist c ON c.id = i.checklist AND c.language = i.language
                    WHERE i.id = ? AND i.language = ? AND i.checklist = ?"""));

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** The searching side, on the store's connection; statements are prepared once and reused. */
    SearchIndex(Connection connection) {
        this.connection = connection;
    }

    static String table(Language language) {
        return "search_" + language.code();
    }

    // ---- indexing (static: also run by migrations, on a connection of their own) ----

    /** Indexes all content again from scratch (after a migration that changes the index or the folding). */
    static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Language language : Language.values()) {
                statement.execute("DELETE FROM " + table(language));
            }
            statement.execute("DELETE FROM search_doc");
        }
        index(connection, Optional.empty());
    }

    /** Indexes one country pack's rows, already in the content tables (same transaction). */
    static void addPack(Connection connection, String countryCode, String languageCode) throws SQLException {
        index(connection, Optional.of(List.of(countryCode, languageCode)));
    }

    static void removePack(Connection connection, String countryCode, String languageCode) throws SQLException {
        try (PreparedStatement indexed = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM search_doc WHERE country = ? AND language = ?)")) {
            indexed.setString(1, countryCode);
            indexed.setString(2, languageCode);
            try (ResultSet rows = indexed.executeQuery()) {
                if (!rows.next() || rows.getInt(1) == 0) {
                    // Nothing indexed for this pack (a first install). Even a DELETE that matches nothing makes
                    // FTS5 write out the words it holds in memory (2 to 45 ms each, measured): 0.75 s of a
                    // 100k-item install (docs/performance.md).
                    return;
                }
            }
        }
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
    private static void index(Connection connection, Optional<List<String>> pack) throws SQLException {
        long rowid;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(rowid), 0) FROM search_doc")) {
            rowid = rows.next() ? rows.getLong(1) : 0;
        }
        Map<Language, PreparedStatement> inserts = new EnumMap<>(Language.class);
        try (PreparedStatement doc = connection.prepareStatement(
                "INSERT INTO search_doc (rowid, kind, country, language, id, checklist) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Language language : Language.values()) {
                inserts.put(language, connection.prepareStatement(
                        "INSERT INTO " + table(language) + " (rowid, title, body, numbers) VALUES (?, ?, ?, ?)"));
            }
            for (Source source : SOURCES) {
                String where = pack.isEmpty() ? "1 = 1"
                        : source.alias() + "country = ? AND " + source.alias() + "language = ?";
                try (PreparedStatement select = connection.prepareStatement(source.index().formatted(where))) {
                    if (pack.isPresent()) {
                        select.setString(1, pack.get().get(0));
                        select.setString(2, pack.get().get(1));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Optional<Language> language = Language.fromCode(rows.getString(2));
                            if (language.isEmpty()) {
                                continue; // a language this app has no index for
                            }
                            rowid++;
                            doc.setLong(1, rowid);
                            doc.setString(2, source.kind().code());
                            doc.setString(3, rows.getString(1));
                            doc.setString(4, rows.getString(2));
                            doc.setString(5, rows.getString(3));
                            doc.setString(6, rows.getString(4));
                            doc.addBatch();
                            PreparedStatement insert = inserts.get(language.get());
                            insert.setLong(1, rowid);
                            insert.setString(2, Words.indexText(rows.getString(5)));
                            insert.setString(3, Words.indexText(rows.getString(6)));
                            insert.setString(4, numbers(rows.getString(7)));
                            insert.addBatch();
                        }
                    }
                }
            }
            doc.executeBatch();
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
        for (Map<String, String> phone : StoredLists.phoneRows(phonesJson)) {
            for (String token : PhoneNumbers.searchTokens(phone.getOrDefault("dial", ""),
                    phone.getOrDefault("display", ""))) {
                out.append(out.isEmpty() ? "" : " ").append(token);
            }
        }
        return out.toString();
    }

    // ---- searching ----

    /**
     * The best {@code limit} hits: those in {@code language} first, then the other languages'. Every word must
     * match (the last one, and longer ones, as prefixes: see {@link SearchQuery}).
     */
    List<SearchHit> search(SearchQuery query, Language language, int limit) throws SQLException {
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        String match = matchExpression(query);
        List<Long> rowids = new ArrayList<>(best(table(language), match, limit));
        for (Language other : Language.values()) {
            if (other != language && rowids.size() < limit) {
                rowids.addAll(best(table(other), match, limit - rowids.size()));
            }
        }
        List<SearchHit> hits = new ArrayList<>(rowids.size());
        PreparedStatement doc = prepared("SELECT kind, country, language, id, checklist FROM search_doc WHERE rowid = ?");
        for (long rowid : rowids) {
            doc.setLong(1, rowid);
            try (ResultSet row = doc.executeQuery()) {
                if (row.next()) {
                    hit(ItemKind.fromCode(row.getString(1)).orElseThrow(), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), query).ifPresent(hits::add);
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

    private List<Long> best(String table, String match, int limit) throws SQLException {
        String from = " FROM " + table + " WHERE " + table + " MATCH ?";
        int matches = count("SELECT count(*) FROM (SELECT rowid" + from + " LIMIT " + RANKED_MATCHES_CAP + ")",
                match);
        if (matches == 0) {
            return List.of();
        }
        if (matches < RANKED_MATCHES_CAP) {
            return rowids("SELECT rowid" + from + " ORDER BY rank LIMIT ?", match, limit);
        }
        // Too many to rank: title matches first, in guide order, then the rest.
        Set<Long> chosen = new LinkedHashSet<>(rowids("SELECT rowid" + from + " LIMIT ?",
                "{title} : (" + match + ")", limit));
        if (chosen.size() < limit) {
            for (long rowid : rowids("SELECT rowid" + from + " LIMIT ?", match, 2 * limit)) {
                if (chosen.size() == limit) {
                    break;
                }
                chosen.add(rowid);
            }
        }
        return new ArrayList<>(chosen);
    }

    private int count(String sql, String match) throws SQLException {
        PreparedStatement count = prepared(sql);
        count.setString(1, match);
        try (ResultSet rows = count.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private List<Long> rowids(String sql, String match, int limit) throws SQLException {
        List<Long> rowids = new ArrayList<>();
        PreparedStatement query = prepared(sql);
        query.setString(1, match);
        query.setInt(2, limit);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rowids.add(rows.getLong(1));
            }
        }
        return rowids;
    }

    private Optional<SearchHit> hit(ItemKind kind, String country, String languageCode, String id, String checklist,
            SearchQuery query) throws SQLException {
        Source source = SOURCES.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
        PreparedStatement one = prepared(source.one());
        one.setString(1, id);
        one.setString(2, languageCode);
        if (kind == ItemKind.CHECKLIST_ITEM) {
            one.setString(3, checklist);
        }
        try (ResultSet row = one.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            String title = row.getString(1);
            String body = row.getString(2);
            Highlighted excerpt = switch (kind) {
                case CHECKLIST_ITEM -> Excerpts.whole(body, query);
                case CONTACT -> phoneExcerpt(row.getString(3), query)
                        .orElseGet(() -> Excerpts.around(body, query, Excerpts.DEFAULT_LENGTH));
                default -> Excerpts.around(body, query, Excerpts.DEFAULT_LENGTH);
            };
            return Optional.of(new SearchHit(kind, country, Language.fromCode(languageCode).orElseThrow(), id,
                    checklist.isEmpty() ? Optional.empty() : Optional.of(checklist), Excerpts.whole(title, query),
                    excerpt));
        }
    }

    private static Optional<Highlighted> phoneExcerpt(String phonesJson, SearchQuery query) {
        for (Map<String, String> phone : StoredLists.phoneRows(phonesJson)) {
            Optional<Highlighted> shown = Excerpts.phone(phone.getOrDefault("dial", ""),
                    phone.getOrDefault("display", ""), query);
            if (shown.isPresent()) {
                return shown;
            }
        }
        return Optional.empty();
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }
}

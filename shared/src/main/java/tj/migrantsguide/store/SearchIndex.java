package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.text.Excerpts;
import tj.migrantsguide.text.Highlighted;
import tj.migrantsguide.text.Links;
import tj.migrantsguide.text.PhoneNumbers;
import tj.migrantsguide.text.SearchQuery;
import tj.migrantsguide.text.Typos;
import tj.migrantsguide.text.WordForms;
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
    /** What a checklist's or checklist line's bm25 score counts for beside an article's or contact's ({@link #best}). */
    static final double CHECKLIST_WEIGHT = 0.5;

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
    private final Map<Language, WordForms> wordForms = new EnumMap<>(Language.class);
    private final Map<Language, Typos> typos = new EnumMap<>(Language.class);
    private long typosVersion = -1;
    private ConceptTable concepts = ConceptTable.EMPTY;
    private long conceptsVersion = -1;

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
            if (hasVocabulary(connection)) {
                statement.execute("DELETE FROM search_word");
            }
        }
        Indexer indexer = new Indexer(connection);
        indexer.index(Optional.empty());
        indexer.finish();
    }

    /**
     * Indexes the rows of country packs already in the content tables (same transaction): {@link #addPack} for
     * each, then {@link #finish}, which adds the words seen to the vocabulary ({@code search_word}) in one go (the
     * packs of a feed share most of their words).
     */
    static final class Indexer {
        private final Connection connection;
        private final Map<Language, Set<String>> words = new EnumMap<>(Language.class);
        private final Map<Language, WordForms> forms = new EnumMap<>(Language.class);

        Indexer(Connection connection) {
            this.connection = connection;
            for (Language language : Language.values()) {
                words.put(language, new HashSet<>());
                forms.put(language, WordForms.of(language));
            }
        }

        void addPack(String countryCode, String languageCode) throws SQLException {
            index(Optional.of(List.of(countryCode, languageCode)));
        }

        /** Adds the words seen to the vocabulary; words only removed content had stay (see docs/database.md). */
        void finish() throws SQLException {
            if (!hasVocabulary(connection)) {
                return; // migration 2 rebuilding the index of a version-1 file: search_word comes with 4
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO search_word (language, word) VALUES (?, ?)")) {
                for (Map.Entry<Language, Set<String>> entry : words.entrySet()) {
                    for (String word : entry.getValue()) {
                        if (Typos.isStored(word)) {
                            insert.setString(1, entry.getKey().code());
                            insert.setString(2, word);
                            insert.addBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
            words.values().forEach(Set::clear);
        }

        /** Adds the rows of one pack ({@code [country, language]}) or of all content to the index. */
        private void index(Optional<List<String>> pack) throws SQLException {
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
                                WordForms wordForms = forms.get(language.get());
                                Set<String> seen = words.get(language.get());
                                PreparedStatement insert = inserts.get(language.get());
                                insert.setLong(1, rowid);
                                insert.setString(2, Words.indexStems(Links.strip(rows.getString(5)), wordForms, seen));
                                insert.setString(3, Words.indexStems(Links.strip(rows.getString(6)), wordForms, seen));
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
    }

    private static boolean hasVocabulary(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_word'")) {
            return rows.next();
        }
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
     * match, in any of its forms (the last one, and longer ones, as prefixes: see {@link SearchQuery}). When that
     * leaves places free, words no index holds are replaced by the nearest words of the vocabulary
     * ({@link Typos}), and what those find comes after: exact hits always rank above typo hits.
     */
    SearchResults search(SearchQuery query, Language language, int limit) throws SQLException {
        return search(query, language, limit, Set.of());
    }

    /**
     * {@link #search(SearchQuery, Language, int)}, keeping only the hits of {@code countries} (all when empty): the
     * same hits as filtering its answer, but the others' titles and excerpts, the costly part of a hit, are never
     * made.
     */
    SearchResults search(SearchQuery query, Language language, int limit, Set<String> countries) throws SQLException {
        if (query.isEmpty() || limit <= 0) {
            return SearchResults.NONE;
        }
        List<Language> order = new ArrayList<>(List.of(language));
        for (Language other : Language.values()) {
            if (other != language) {
                order.add(other);
            }
        }
        Set<Long> rowids = new LinkedHashSet<>();
        Map<Long, Terms> matchedBy = new HashMap<>();
        ConceptTable synonyms = concepts();
        for (Language in : order) {
            if (rowids.size() >= limit) {
                break;
            }
            Terms terms = Terms.of(query, forms(in), synonyms);
            add(best(table(in), terms.matchExpression(), limit - rowids.size()), terms, rowids, matchedBy);
        }
        Optional<String> corrected = Optional.empty();
        if (rowids.isEmpty()) {
            // Nothing as typed: words that no index holds (in any language) were mistyped; each language's index
            // is asked for its words nearest to them.
            boolean[] mistyped = mistyped(query, order);
            for (Language in : order) {
                if (rowids.size() >= limit) {
                    break;
                }
                Optional<Terms> fixed = corrected(query, in, mistyped);
                if (fixed.isEmpty()) {
                    continue;
                }
                List<Long> best = best(table(in), fixed.get().matchExpression(), limit - rowids.size());
                if (!best.isEmpty() && corrected.isEmpty()) {
                    corrected = Optional.of(fixed.get().typed());
                }
                add(best, fixed.get(), rowids, matchedBy);
            }
        }
        List<SearchHit> hits = new ArrayList<>(rowids.size());
        PreparedStatement doc = prepared("SELECT kind, country, language, id, checklist FROM search_doc WHERE rowid = ?");
        for (long rowid : rowids) {
            doc.setLong(1, rowid);
            try (ResultSet row = doc.executeQuery()) {
                if (row.next() && (countries.isEmpty() || countries.contains(row.getString(2)))) {
                    hit(ItemKind.fromCode(row.getString(1)).orElseThrow(), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), query, matchedBy.get(rowid)).ifPresent(hits::add);
                }
            }
        }
        return new SearchResults(hits, corrected.map(text -> asWritten(text, hits)));
    }

    private static void add(List<Long> best, Terms terms, Set<Long> rowids, Map<Long, Terms> matchedBy) {
        for (long rowid : best) {
            if (rowids.add(rowid)) {
                matchedBy.put(rowid, terms);
            }
        }
    }

    /**
     * Which words of the query (of five letters or more) no language's index holds in any form: those are taken
     * for typing mistakes. A word some index holds is taken as meant.
     */
    private boolean[] mistyped(SearchQuery query, List<Language> order) throws SQLException {
        boolean[] mistyped = new boolean[query.terms().size()];
        for (int i = 0; i < mistyped.length; i++) {
            SearchQuery.Term term = query.terms().get(i);
            if (Typos.allowedEdits(term.text()) == 0) {
                continue;
            }
            mistyped[i] = true;
            for (Language in : order) {
                Terms one = Terms.of(new SearchQuery(List.of(term), Optional.empty()), forms(in));
                if (matchCount(table(in), one.matchExpression(), 1) > 0) {
                    mistyped[i] = false;
                    break;
                }
            }
        }
        return mistyped;
    }

    private WordForms forms(Language language) {
        return wordForms.computeIfAbsent(language, WordForms::of);
    }

    /**
     * The query with each {@code mistyped} word replaced by its nearest vocabulary words that {@code language}'s
     * index holds; empty when no word is mistyped or one has no near word.
     */
    private Optional<Terms> corrected(SearchQuery query, Language language, boolean[] mistyped) throws SQLException {
        List<List<String>> replacements = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < mistyped.length; i++) {
            if (!mistyped[i]) {
                replacements.add(List.of());
                continue;
            }
            List<String> near = nearWords(query.terms().get(i).text(), language);
            if (near.isEmpty()) {
                return Optional.empty();
            }
            replacements.add(near);
            changed = true;
        }
        return changed ? Optional.of(Terms.corrected(query, forms(language), replacements)) : Optional.empty();
    }

    /** The vocabulary words nearest {@code typed} that the index holds, the most common first (at most 3). */
    private List<String> nearWords(String typed, Language language) throws SQLException {
        List<Typos.Near> near = typos(language).near(typed);
        if (near.isEmpty()) {
            return List.of();
        }
        int fewest = near.stream().mapToInt(Typos.Near::edits).filter(e -> e > 0).min().orElse(0);
        record Counted(String word, int edits, int count) {}
        List<Counted> counted = new ArrayList<>();
        for (Typos.Near candidate : near) {
            if (candidate.edits() == 0 || candidate.edits() > fewest && counted.size() >= NEAR_WORDS) {
                continue;
            }
            if (counted.size() >= NEAR_CANDIDATES) {
                break;
            }
            int count = matchCount(table(language), Terms.alternative(forms(language).stem(candidate.word()), false),
                    NEAR_COUNT_CAP);
            if (count > 0) {
                counted.add(new Counted(candidate.word(), candidate.edits(), count));
            }
        }
        counted.sort(Comparator.comparingInt(Counted::edits).thenComparing(Comparator.comparingInt(Counted::count)
                .reversed()));
        // A dropped double letter is the likeliest of the mistakes one edit covers (ҳуҷҷат typed «хучат», мувақатӣ
        // for муваққатӣ: shared/data/glossary.md, spelling note 5): when a near word is the typed one with a letter
        // doubled, it alone stands for it («хучат» is not also «худат»).
        List<String> doubled = counted.stream().map(Counted::word).filter(word -> doublesALetterOf(word, typed))
                .toList();
        if (!doubled.isEmpty()) {
            return doubled.stream().limit(NEAR_WORDS).toList();
        }
        return counted.stream().limit(NEAR_WORDS).map(Counted::word).toList();
    }

    /** Whether {@code word} is {@code typed} (folded) with one of its letters written twice. */
    static boolean doublesALetterOf(String word, String typed) {
        if (word.length() != typed.length() + 1) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)
                    && (word.substring(0, i) + word.substring(i + 1)).equals(typed)) {
                return true;
            }
        }
        return false;
    }

    /** Corrections per typed word: the nearest words, OR-ed. */
    private static final int NEAR_WORDS = 3;
    /** Near words whose matches are counted to choose among them. */
    private static final int NEAR_CANDIDATES = 8;
    /** Matches of a near word are counted up to this many: enough to tell a common word from a rare one. */
    private static final int NEAR_COUNT_CAP = 50;

    /**
     * The concept table (synonyms), read when first needed and again after the content changed (another connection
     * committed: {@code PRAGMA data_version}).
     */
    private ConceptTable concepts() throws SQLException {
        long version = dataVersion();
        if (version == conceptsVersion) {
            return concepts;
        }
        Map<String, Map<Language, List<String>>> words = new LinkedHashMap<>();
        PreparedStatement select = prepared(
                "SELECT concept, language, words FROM concept_word ORDER BY concept, language, position");
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Optional<Language> language = Language.fromCode(rows.getString(2));
                if (language.isPresent()) {
                    words.computeIfAbsent(rows.getString(1), k -> new EnumMap<>(Language.class))
                            .computeIfAbsent(language.get(), k -> new ArrayList<>()).add(rows.getString(3));
                }
            }
        }
        List<Concept> table = new ArrayList<>();
        words.forEach((id, byLanguage) -> table.add(new Concept(id, byLanguage)));
        concepts = new ConceptTable(table, this::forms);
        conceptsVersion = version;
        return concepts;
    }

    private long dataVersion() throws SQLException {
        try (ResultSet rows = prepared("PRAGMA data_version").executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** What the first search would read or make (the concepts, each language's word forms), made now. */
    void prepareConceptsAndForms() throws SQLException {
        concepts();
        for (Language language : Language.values()) {
            forms(language);
        }
    }

    /** A language's vocabulary at one content version (PRAGMA data_version), to build its typo lookup from. */
    record Vocabulary(Language language, long version, List<String> words) {}

    /** The vocabulary of {@code language} when its typo lookup is not built for the content now installed. */
    Optional<Vocabulary> vocabularyToBuild(Language language) throws SQLException {
        long version = currentTyposVersion();
        return typos.containsKey(language) ? Optional.empty()
                : Optional.of(new Vocabulary(language, version, vocabulary(language)));
    }

    /** Keeps a typo lookup built (off the reading lock) from {@code vocabulary}, unless the content has changed. */
    void keep(Vocabulary vocabulary, Typos built) throws SQLException {
        if (currentTyposVersion() == vocabulary.version()) {
            typos.putIfAbsent(vocabulary.language(), built);
        }
    }

    /** The content version the typo lookups are of, dropping them first when the content has changed. */
    private long currentTyposVersion() throws SQLException {
        long version = dataVersion();
        if (version != typosVersion) {
            typos.clear();
            typosVersion = version;
        }
        return version;
    }

    /**
     * The vocabulary's typo lookup for {@code language}, built when first needed and again after the content
     * changed (another connection committed: {@code PRAGMA data_version}).
     */
    private Typos typos(Language language) throws SQLException {
        currentTyposVersion();
        Typos lookup = typos.get(language);
        if (lookup == null) {
            lookup = Typos.of(vocabulary(language));
            typos.put(language, lookup);
        }
        return lookup;
    }

    private List<String> vocabulary(Language language) throws SQLException {
        List<String> words = new ArrayList<>();
        PreparedStatement select = prepared("SELECT word FROM search_word WHERE language = ?");
        select.setString(1, language.code());
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                words.add(rows.getString(1));
            }
        }
        return words;
    }

    /** The corrected text in the spelling of the hits (folded words are shown as the text writes them). */
    private static String asWritten(String folded, List<SearchHit> hits) {
        StringBuilder out = new StringBuilder();
        for (String word : folded.split(" ")) {
            String shown = word;
            search:
            for (SearchHit hit : hits) {
                for (Highlighted text : List.of(hit.title(), hit.excerpt())) {
                    String plain = text.text();
                    for (Words.Word w : Words.of(plain)) {
                        // A correction may be a stem (ҳуҷҷат of ҳуҷҷатҳое): the start of a word, one letter
                        // folded to one letter.
                        if (w.folded().startsWith(word) && w.end() - w.start() == w.folded().length()) {
                            shown = plain.substring(w.start(), w.start() + word.length())
                                    .toLowerCase(java.util.Locale.ROOT);
                            break search;
                        }
                    }
                }
            }
            out.append(out.isEmpty() ? "" : " ").append(shown);
        }
        return out.toString();
    }

    /**
     * An FTS5 expression for a query in the old, language-neutral form (folded words, no stems): kept for the
     * tests of quoting. Every word is a quoted string: whatever was typed, no operator, column filter or syntax
     * error can come out of it. A number typed in groups may also match as one run of digits.
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

    static String quoted(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }

    private List<Long> best(String table, String match, int limit) throws SQLException {
        String from = " FROM " + table + " WHERE " + table + " MATCH ?";
        int matches = matchCount(table, match, RANKED_MATCHES_CAP);
        if (matches == 0) {
            return List.of();
        }
        if (matches < RANKED_MATCHES_CAP) {
            // A checklist line is short and its text is its title: bm25 would put the same line of every country's
            // checklist before the article about it. Checklists and their lines count half (bm25 scores are
            // negative: nearer 0 is worse), so a line still comes before its checklist, which holds it in its body.
            return rowids("SELECT m.rowid FROM (SELECT rowid, rank" + from + ") m JOIN search_doc d ON d.rowid = m.rowid"
                    + " ORDER BY m.rank * (CASE WHEN d.kind IN ('checklist', 'checklist-item') THEN "
                    + CHECKLIST_WEIGHT + " ELSE 1.0 END) LIMIT ?", match, limit);
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

    /** How many rows match, counting up to {@code cap}. */
    private int matchCount(String table, String match, int cap) throws SQLException {
        PreparedStatement count = prepared("SELECT count(*) FROM (SELECT rowid FROM " + table + " WHERE " + table
                + " MATCH ? LIMIT " + cap + ")");
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
            SearchQuery query, Terms terms) throws SQLException {
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
            // Snippets show text: a link's markup ([[ministry-office-russia]]) is left out.
            String title = Links.strip(row.getString(1));
            String body = Links.strip(row.getString(2));
            Highlighted excerpt = switch (kind) {
                case CHECKLIST_ITEM -> Excerpts.whole(body, terms::matches);
                case CONTACT -> phoneExcerpt(row.getString(3), query)
                        .orElseGet(() -> Excerpts.around(body, terms::matches, Excerpts.DEFAULT_LENGTH));
                default -> Excerpts.around(body, terms::matches, Excerpts.DEFAULT_LENGTH);
            };
            return Optional.of(new SearchHit(kind, country, Language.fromCode(languageCode).orElseThrow(), id,
                    checklist.isEmpty() ? Optional.empty() : Optional.of(checklist),
                    Excerpts.whole(title, terms::matches), excerpt));
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

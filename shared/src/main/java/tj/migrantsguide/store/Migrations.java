package tj.migrantsguide.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Numbered schema migrations, one sequence for the data folder. Each migration changes one of its two files
 * ({@link StoreFile}); every file's {@code PRAGMA user_version} is the number of the last migration the file has
 * been brought past, so after a start both files carry the same number. The runner applies, to each file, every
 * migration numbered above that file's version, in order, each in its own transaction.
 *
 * <p>Never edit a released migration: add the next number. A migration that only adds user data (outbox,
 * profiles…) uses the three-argument constructor, which targets the user file; content changes say
 * {@link StoreFile#CONTENT} and, when the search index must be rebuilt, pass a {@link Step}. Every migration is
 * tested by opening a database written by the previous version (MigrationTest). Described in docs/database.md.
 */
final class Migrations {
    /** Work a migration does in Java after its SQL, in the same transaction (e.g. filling the search index). */
    @FunctionalInterface
    interface Step {
        void run(Connection connection) throws SQLException;
    }

    record Migration(int version, String name, StoreFile file, List<String> statements, Optional<Step> then) {
        Migration {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            statements = List.copyOf(statements);
            Objects.requireNonNull(then, "then");
        }

        /** A migration of the user file: since content and user data were split (2), new tables are user data. */
        Migration(int version, String name, List<String> statements) {
            this(version, name, StoreFile.USER, statements, Optional.empty());
        }

        Migration(int version, String name, StoreFile file, List<String> statements) {
            this(version, name, file, statements, Optional.empty());
        }
    }

    // Text is folded in Java, so the tokenizer only splits words. Prefix indexes of 2, 3 and 4 letters: without
    // them a prefix query merges the lists of every word it covers (a 4-letter one: 7 ms instead of 1 at 100k
    // items); the index grows by about a quarter. Contentless: the text to show is read from the content tables.
    private static final String SEARCH_TABLE = """
            CREATE VIRTUAL TABLE search_%s USING fts5(
                title, body, numbers,
                tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4', content = '', contentless_delete = 1)""";
    // Title words weigh ten times body words, a phone number four times: title matches come first.
    private static final String SEARCH_RANK = "INSERT INTO search_%1$s (search_%1$s, rank) VALUES ('rank', "
            + "'bm25(10.0, 1.0, 4.0)')";

    static final List<Migration> ALL = List.of(
            // Version 1 was a single file, guide.db, holding only content; it is adopted as content.db.
            new Migration(1, "content and feed state", StoreFile.CONTENT, List.of(
                    """
                    CREATE TABLE installed_feed (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        version INTEGER NOT NULL,
                        published TEXT NOT NULL,
                        expires TEXT NOT NULL,
                        installed_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE installed_pack (
                        name TEXT PRIMARY KEY,
                        sha256 TEXT NOT NULL)""",
                    """
                    CREATE TABLE country (
                        code TEXT PRIMARY KEY,
                        sort_order INTEGER NOT NULL)""",
                    """
                    CREATE TABLE country_name (
                        country TEXT NOT NULL REFERENCES country(code) ON DELETE CASCADE,
                        language TEXT NOT NULL,
                        name TEXT NOT NULL,
                        PRIMARY KEY (country, language))""",
                    """
                    CREATE TABLE article (
                        id TEXT NOT NULL,
                        language TEXT NOT NULL,
                        country TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        sources TEXT NOT NULL,
                        verified TEXT,
                        sort_order INTEGER NOT NULL,
                        PRIMARY KEY (id, language))""",
                    """
                    CREATE TABLE contact (
                        id TEXT NOT NULL,
                        language TEXT NOT NULL,
                        country TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        phones TEXT NOT NULL,
                        address TEXT NOT NULL,
                        hours TEXT NOT NULL,
                        languages TEXT NOT NULL,
                        email TEXT NOT NULL,
                        website TEXT NOT NULL,
                        note TEXT NOT NULL,
                        sources TEXT NOT NULL,
                        verified TEXT,
                        emergency INTEGER NOT NULL,
                        sort_order INTEGER NOT NULL,
                        PRIMARY KEY (id, language))""",
                    """
                    CREATE TABLE checklist (
                        id TEXT NOT NULL,
                        language TEXT NOT NULL,
                        country TEXT NOT NULL,
                        stage TEXT NOT NULL,
                        title TEXT NOT NULL,
                        sources TEXT NOT NULL,
                        verified TEXT,
                        sort_order INTEGER NOT NULL,
                        PRIMARY KEY (id, language))""",
                    """
                    CREATE TABLE checklist_item (
                        checklist TEXT NOT NULL,
                        language TEXT NOT NULL,
                        id TEXT NOT NULL,
                        text TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (checklist, language, id),
                        FOREIGN KEY (checklist, language) REFERENCES checklist(id, language) ON DELETE CASCADE)""",
                    "CREATE INDEX checklist_by_country ON checklist(country, language, stage, sort_order)",
                    "CREATE INDEX article_by_country ON article(country, language, stage, sort_order)",
                    "CREATE INDEX contact_by_country ON contact(country, language, sort_order)")),
            new Migration(2, "search index", StoreFile.CONTENT, List.of(
                    "PRAGMA application_id = " + StoreFile.CONTENT.applicationId(),
                    """
                    CREATE TABLE search_doc (
                        rowid INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        country TEXT NOT NULL,
                        language TEXT NOT NULL,
                        id TEXT NOT NULL,
                        checklist TEXT NOT NULL)""",
                    "CREATE INDEX search_doc_by_pack ON search_doc(country, language)",
                    SEARCH_TABLE.formatted("tg"), SEARCH_RANK.formatted("tg"),
                    SEARCH_TABLE.formatted("ru"), SEARCH_RANK.formatted("ru"),
                    SEARCH_TABLE.formatted("en"), SEARCH_RANK.formatted("en")),
                    Optional.of(SearchIndex::rebuild)),
            new Migration(2, "user data", StoreFile.USER, List.of(
                    "PRAGMA application_id = " + StoreFile.USER.applicationId(),
                    """
                    CREATE TABLE person (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        position INTEGER NOT NULL)""",
                    // The device's owner; an empty name shows as "me" in the reader's language.
                    "INSERT INTO person (id, name, position) VALUES (1, '', 0)",
                    """
                    CREATE TABLE tick (
                        person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        country TEXT NOT NULL,
                        checklist TEXT NOT NULL,
                        item TEXT NOT NULL,
                        ticked_at TEXT NOT NULL,
                        PRIMARY KEY (person, country, checklist, item))""",
                    """
                    CREATE TABLE bookmark (
                        kind TEXT NOT NULL,
                        country TEXT NOT NULL,
                        id TEXT NOT NULL,
                        added_at TEXT NOT NULL,
                        PRIMARY KEY (kind, country, id))""",
                    """
                    CREATE TABLE recent_item (
                        kind TEXT NOT NULL,
                        country TEXT NOT NULL,
                        id TEXT NOT NULL,
                        viewed_at TEXT NOT NULL,
                        PRIMARY KEY (kind, country, id))""",
                    "CREATE INDEX recent_item_by_time ON recent_item(viewed_at)",
                    """
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL)""",
                    """
                    CREATE TABLE notice (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        details TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        seen_at TEXT)""")),
            // User data: questions the person wrote, kept until they delete them; no content update touches these
            // tables. Times are epoch milliseconds (compared with "now" when choosing what to send).
            new Migration(3, "question outbox", List.of(
                    """
                    CREATE TABLE question (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        idempotency_key TEXT NOT NULL UNIQUE,
                        server TEXT NOT NULL,
                        topic TEXT NOT NULL,
                        country TEXT NOT NULL,
                        language TEXT NOT NULL,
                        message TEXT NOT NULL,
                        contact TEXT,
                        body BLOB NOT NULL,
                        created_at INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('waiting', 'sent', 'answered', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at INTEGER,
                        last_attempt_at INTEGER,
                        last_problem TEXT,
                        server_id TEXT,
                        sent_at INTEGER,
                        answer TEXT,
                        answered_at INTEGER,
                        answer_seen INTEGER NOT NULL DEFAULT 0,
                        failure_status INTEGER,
                        failure_reason TEXT)""",
                    "CREATE INDEX question_due ON question(state, next_attempt_at)",
                    """
                    CREATE TABLE question_deletion (
                        idempotency_key TEXT PRIMARY KEY,
                        server TEXT NOT NULL,
                        server_id TEXT,
                        last_send_attempt_at INTEGER,
                        requested_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE question_device (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        token TEXT NOT NULL,
                        created_at INTEGER NOT NULL)""")),
            // Search by word forms: the indexes hold stems (text.WordForms) instead of the folded words, without
            // link markup; search_word is the vocabulary of whole folded words for typo tolerance (text.Typos).
            new Migration(4, "search word forms and vocabulary", StoreFile.CONTENT, List.of(
                    """
                    CREATE TABLE search_word (
                        language TEXT NOT NULL,
                        word TEXT NOT NULL,
                        PRIMARY KEY (language, word)) WITHOUT ROWID"""),
                    Optional.of(SearchIndex::rebuild)),
            // What each installed update changed (ContentWriter writes it in the update's own transaction), and
            // where the installed content came from. Content: lost with a damaged content file, like the content.
            new Migration(5, "what changed and where content came from", StoreFile.CONTENT, List.of(
                    """
                    CREATE TABLE content_update (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        from_version INTEGER NOT NULL,
                        to_version INTEGER NOT NULL,
                        installed_at TEXT NOT NULL)""",
                    """
                    CREATE TABLE content_change (
                        update_id INTEGER NOT NULL REFERENCES content_update(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        country TEXT NOT NULL,
                        language TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        change TEXT NOT NULL,
                        title TEXT NOT NULL,
                        details TEXT NOT NULL,
                        PRIMARY KEY (update_id, position))""",
                    "ALTER TABLE installed_feed ADD COLUMN origin TEXT NOT NULL DEFAULT 'unknown'",
                    "ALTER TABLE installed_feed ADD COLUMN received_from TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE installed_feed ADD COLUMN signed_by TEXT NOT NULL DEFAULT ''")),
            // The deadlines that keep a migrant legal (issue 16): the feed's rules, as content...
            new Migration(6, "date rules", StoreFile.CONTENT, List.of(
                    """
                    CREATE TABLE date_rule (
                        id TEXT NOT NULL,
                        language TEXT NOT NULL,
                        country TEXT NOT NULL,
                        obliges TEXT NOT NULL,
                        counts_from TEXT NOT NULL,
                        length TEXT NOT NULL,
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        missed TEXT NOT NULL,
                        article TEXT NOT NULL,
                        contacts TEXT NOT NULL,
                        sources TEXT NOT NULL,
                        verified TEXT,
                        sort_order INTEGER NOT NULL,
                        PRIMARY KEY (id, language))""",
                    "CREATE INDEX date_rule_by_country ON date_rule(country, language, sort_order)")),
            // ...and each person's own dates, as user data: never sent, never touched by an update. date_seen is
            // the deadline each rule gave the person when last computed (so that a rule changed by an update is told
            // once: date_notice), or the last one a withdrawn rule gave.
            new Migration(6, "personal dates", List.of(
                    """
                    CREATE TABLE personal_date (
                        person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        country TEXT NOT NULL,
                        event TEXT NOT NULL,
                        day TEXT NOT NULL,
                        set_at TEXT NOT NULL,
                        PRIMARY KEY (person, country, event))""",
                    """
                    CREATE TABLE date_seen (
                        person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        rule TEXT NOT NULL,
                        country TEXT NOT NULL,
                        event TEXT NOT NULL,
                        event_day TEXT NOT NULL,
                        length TEXT NOT NULL,
                        due TEXT NOT NULL,
                        titles TEXT NOT NULL,
                        withdrawn INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (person, rule))""",
                    """
                    CREATE TABLE date_notice (
                        id INTEGER PRIMARY KEY,
                        person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                        rule TEXT NOT NULL,
                        country TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('moved', 'withdrawn')),
                        due_before TEXT NOT NULL,
                        due_after TEXT,
                        length_before TEXT NOT NULL,
                        length_after TEXT,
                        titles TEXT NOT NULL,
                        sources TEXT NOT NULL,
                        verified TEXT,
                        created_at TEXT NOT NULL,
                        seen_at TEXT)""",
                    "CREATE INDEX date_notice_by_person ON date_notice(person, seen_at)")),
            // The concept table of the common pack (words that mean the same, in every language): search adds a
            // typed word's synonyms to the query (SearchIndex, Concepts). Filled by the next common pack installed.
            new Migration(8, "concept table for search synonyms", StoreFile.CONTENT, List.of(
                    """
                    CREATE TABLE concept_word (
                        concept TEXT NOT NULL,
                        language TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        words TEXT NOT NULL,
                        PRIMARY KEY (concept, language, position))""")),
            // The named sources of the common pack (issue 21): what a cited document or site is, in each language,
            // so that screens show "UN Committee on Migrant Workers, …, 2024" instead of a file name. Filled by the
            // next common pack installed (the pack's hash changes when it gains the table).
            new Migration(9, "named sources", StoreFile.CONTENT, List.of(
                    """
                    CREATE TABLE named_source (
                        id TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        year INTEGER,
                        written_in TEXT NOT NULL,
                        title_tg TEXT, title_ru TEXT, title_en TEXT,
                        publisher_tg TEXT, publisher_ru TEXT, publisher_en TEXT)""")));

    private Migrations() {}

    static int latestVersion() {
        int latest = 0;
        for (Migration migration : ALL) {
            latest = Math.max(latest, migration.version());
        }
        return latest;
    }

    /** Brings {@code file}'s schema up to the latest version. */
    static void migrate(Connection connection, StoreFile file) throws SQLException {
        migrate(connection, file, latestVersion());
    }

    /**
     * Brings {@code file}'s schema up to {@code target}, each migration in its own transaction. Two migrations may
     * share a number (one per file, as 2 does): both belong to that version.
     *
     * @throws NewerSchemaException when the file was written by a newer app
     */
    static void migrate(Connection connection, StoreFile file, int target) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new NewerSchemaException(file, current, latestVersion());
        }
        for (int version = current + 1; version <= target; version++) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (Migration migration : ALL) {
                    if (migration.version() != version || migration.file() != file) {
                        continue;
                    }
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    if (migration.then().isPresent()) {
                        migration.then().get().run(connection);
                    }
                }
                statement.execute("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * The tables and columns {@code file} has at {@code version}: built by running the migrations on an empty
     * in-memory database, so it can never drift from what the migrations really create.
     */
    /**
     * The tables and columns {@code file} has at {@code version}. For the latest version they are read from
     * {@value #LATEST_SCHEMA} (every start checks both files against it: running every migration in an in-memory
     * database took ~50 ms of a cold start on 2 cores, before the first frame); MigrationTest checks that it is what the
     * migrations make. Older versions (a file being upgraded) are made in memory.
     */
    static Map<String, Set<String>> schemaAt(StoreFile file, int version) throws SQLException {
        if (version == latestVersion()) {
            Map<String, Set<String>> recorded = RecordedSchema.LATEST.get(file);
            if (recorded != null) {
                return recorded;
            }
        }
        return madeSchemaAt(file, version);
    }

    static final String LATEST_SCHEMA = "latest-schema.txt";

    /** What {@value #LATEST_SCHEMA} must say: the latest schema of each file as the migrations make it. */
    static String latestSchemaText() throws SQLException {
        StringBuilder text = new StringBuilder();
        text.append("# The tables and columns of each file at the latest schema version, as the migrations make them.\n")
                .append("# Read at every start instead of running the migrations in memory (Migrations.schemaAt);\n")
                .append("# MigrationTest fails, printing this text, when a migration changes it.\n")
                .append("version ").append(latestVersion()).append('\n');
        for (StoreFile file : StoreFile.values()) {
            for (Map.Entry<String, Set<String>> table : madeSchemaAt(file, latestVersion()).entrySet()) {
                text.append(file.fileName()).append(' ').append(table.getKey()).append(':');
                table.getValue().forEach(column -> text.append(' ').append(column));
                text.append('\n');
            }
        }
        return text.toString();
    }

    /** {@value #LATEST_SCHEMA}, read once; empty (so every schema is made in memory) when it is of another version. */
    private static final class RecordedSchema {
        static final Map<StoreFile, Map<String, Set<String>>> LATEST = read();

        private static Map<StoreFile, Map<String, Set<String>>> read() {
            Map<StoreFile, Map<String, Set<String>>> schema = new EnumMap<>(StoreFile.class);
            try (InputStream in = Migrations.class.getResourceAsStream(LATEST_SCHEMA)) {
                if (in == null) {
                    return Map.of();
                }
                boolean current = false;
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("version ")) {
                        current = line.equals("version " + latestVersion());
                        continue;
                    }
                    int colon = line.indexOf(':');
                    String[] head = line.substring(0, Math.max(colon, 0)).split(" ");
                    Optional<StoreFile> file = Arrays.stream(StoreFile.values())
                            .filter(f -> head.length == 2 && f.fileName().equals(head[0])).findFirst();
                    if (!current || colon < 0 || file.isEmpty()) {
                        return Map.of();
                    }
                    Set<String> columns = new LinkedHashSet<>(Arrays.asList(line.substring(colon + 1).strip().split(" ")));
                    columns.remove("");
                    schema.computeIfAbsent(file.get(), f -> new LinkedHashMap<>()).put(head[1], columns);
                }
            } catch (IOException e) {
                return Map.of();
            }
            return schema;
        }
    }

    private static Map<String, Set<String>> madeSchemaAt(StoreFile file, int version) throws SQLException {
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement statement = memory.createStatement()) {
                for (Migration migration : ALL) {
                    if (migration.file() == file && migration.version() <= version) {
                        for (String sql : migration.statements()) {
                            statement.execute(sql);
                        }
                    }
                }
            }
            return schemaOf(memory, "main");
        }
    }

    /** Table name → column names of one schema of a connection ("main", "content"). */
    static Map<String, Set<String>> schemaOf(Connection connection, String schema) throws SQLException {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT name FROM " + schema + ".sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            Set<String> columns = new LinkedHashSet<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "PRAGMA " + schema + ".table_info(\"" + name.replace("\"", "\"\"") + "\")")) {
                while (rows.next()) {
                    columns.add(rows.getString("name"));
                }
            }
            tables.put(name, columns);
        }
        return tables;
    }

    /** The file was written by a newer version of the app than this one. */
    static final class NewerSchemaException extends SQLException {
        private static final long serialVersionUID = 1L;

        NewerSchemaException(StoreFile file, int found, int known) {
            super(file.fileName() + " has schema " + found + ", newer than this app knows (" + known + ")");
        }
    }
}

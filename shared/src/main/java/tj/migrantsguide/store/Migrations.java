package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema migrations. The database's {@code PRAGMA user_version} is the number of the last one applied.
 * Never edit a released migration: add the next number. Described in docs/database.md.
 */
final class Migrations {
    record Migration(int version, String name, List<String> statements) {}

    static final List<Migration> ALL = List.of(
            new Migration(1, "content and feed state", List.of(
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
                        created_at INTEGER NOT NULL)""")));

    private Migrations() {}

    static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Brings the schema up to the latest version, each migration in its own transaction. */
    static void migrate(Connection connection) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("database schema " + current + " is newer than this app knows ("
                    + latestVersion() + ")");
        }
        for (Migration migration : ALL) {
            if (migration.version() <= current) {
                continue;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + migration.version());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}

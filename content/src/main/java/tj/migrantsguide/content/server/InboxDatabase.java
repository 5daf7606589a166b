package tj.migrantsguide.content.server;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Where the inbox keeps its tables: SQLite (the one-laptop demo, the default) or PostgreSQL (several nodes). Both
 * run the same SQL ({@link InboxStore}) and the same versioned migrations ({@code db/inbox/V*.sql}, Flyway); what
 * differs is only how connections are made and how hard a commit waits for the disk.
 */
sealed interface InboxDatabase extends AutoCloseable permits SqliteDatabase, PostgresDatabase {
    /** Where the migrations are; each is plain SQL that both databases take. */
    String MIGRATIONS = "classpath:db/inbox";

    /** A connection in autocommit mode; the caller closes it (back to the pool, for PostgreSQL). */
    Connection connection() throws SQLException;

    /**
     * Readies a connection for a claim's commit: a claim lost in a power cut costs nothing (no question was stored;
     * the retry claims again), so SQLite need not wait for the disk there. PostgreSQL keeps every commit durable.
     */
    void beforeClaim(Connection connection) throws SQLException;

    @Override
    void close();

    /** Opens the database a JDBC URL names and brings its tables to the latest version. */
    static InboxDatabase open(String jdbcUrl) {
        InboxDatabase database;
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            database = SqliteDatabase.open(jdbcUrl);
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            database = PostgresDatabase.open(jdbcUrl);
        } else {
            throw new UnsupportedDatabase(jdbcUrl.replaceAll("password=[^&]*", "password=…"));
        }
        try {
            migrate(database.migrationSource());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** What Flyway migrates through. */
    DataSource migrationSource();

    private static void migrate(DataSource source) {
        try {
            // baselineOnMigrate: an inbox file made before Flyway (tables, no history) is taken over at version 0,
            // and V1 (IF NOT EXISTS) finds its tables there.
            Flyway.configure().dataSource(source).locations(MIGRATIONS).baselineOnMigrate(true).baselineVersion("0")
                    .table("inbox_schema_history").load().migrate();
        } catch (FlywayException e) {
            throw new InboxStore.InboxException("bring the inbox tables up to date", e);
        }
    }

    /** Only SQLite and PostgreSQL are built in and tested. */
    final class UnsupportedDatabase extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String jdbcUrl;

        UnsupportedDatabase(String jdbcUrl) {
            super("the inbox runs on jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB, not " + jdbcUrl);
            this.jdbcUrl = jdbcUrl;
        }

        String jdbcUrl() {
            return jdbcUrl;
        }
    }
}

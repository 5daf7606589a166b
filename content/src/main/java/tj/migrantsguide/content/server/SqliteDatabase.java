package tj.migrantsguide.content.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The inbox in one SQLite file: a connection per use, WAL (readers never wait for the writer), a wait on a busy
 * file, and one connection held open for the store's life, because SQLite checkpoints and removes the WAL whenever
 * the last connection to a file closes (two fsyncs per request otherwise).
 */
final class SqliteDatabase implements InboxDatabase {
    private final SQLiteDataSource source;
    private final Connection keptOpen;

    private SqliteDatabase(SQLiteDataSource source, Connection keptOpen) {
        this.source = source;
        this.keptOpen = keptOpen;
    }

    static SqliteDatabase open(String jdbcUrl) {
        if (!jdbcUrl.contains(":memory:")) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length());
            int parameters = file.indexOf('?');
            Path parent = Path.of(parameters < 0 ? file : file.substring(0, parameters)).toAbsolutePath().getParent();
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new InboxStore.InboxException("create the folder " + parent, e);
            }
        }
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", "10000");
        properties.setProperty("journal_mode", "WAL");
        // Our transactions write; taking the lock at BEGIN makes concurrent ones queue instead of failing.
        properties.setProperty("transaction_mode", "IMMEDIATE");
        SQLiteDataSource source = new SQLiteDataSource(new SQLiteConfig(properties));
        source.setUrl(jdbcUrl);
        try {
            return new SqliteDatabase(source, source.getConnection());
        } catch (SQLException e) {
            throw new InboxStore.InboxException("open the inbox", e);
        }
    }

    @Override
    public Connection connection() throws SQLException {
        return source.getConnection();
    }

    @Override
    public void beforeClaim(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = NORMAL");
        }
    }

    @Override
    public DataSource migrationSource() {
        return source;
    }

    @Override
    public void close() {
        try {
            keptOpen.close();
        } catch (SQLException e) {
            throw new InboxStore.InboxException("close the inbox", e);
        }
    }
}

package tj.migrantsguide.content.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The inbox on PostgreSQL, for several nodes: a bounded HikariCP pool per node. Every node sees the same rows, so
 * exactly-once (the unique (token, key) of {@code inbox_submission}) holds across nodes. A database restart breaks
 * the pool's connections; Hikari drops them and opens new ones, and a request that failed meanwhile got 500 with
 * nothing stored (the device retries with the same key).
 */
final class PostgresDatabase implements InboxDatabase {
    /**
     * Connections per node: the workers (64) mostly wait on these. PostgreSQL's default 100 connections take a
     * few nodes; more nodes want PgBouncer or a larger max_connections (docs/deployment.md).
     */
    static final int POOL = 16;

    private final HikariDataSource pool;

    private PostgresDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    static PostgresDatabase open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("inbox");
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(2);
        // A request waits at most this for a connection, then gets 500 and retries later, instead of hanging.
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        // Fail at start when the database is not there, with the driver's reason.
        config.setInitializationFailTimeout(10_000);
        try {
            return new PostgresDatabase(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw new InboxStore.InboxException("connect to PostgreSQL", e);
        }
    }

    @Override
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void beforeClaim(Connection connection) {
        // Every commit durable: PostgreSQL's group commit makes that cheap under load.
    }

    @Override
    public DataSource migrationSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}

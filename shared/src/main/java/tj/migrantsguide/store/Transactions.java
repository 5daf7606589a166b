package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Clean-up after a failed transaction, where the first failure is the one worth reporting. */
final class Transactions {
    private Transactions() {}

    static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    static void autoCommitQuietly(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Connection is broken; the next call reports it.
        }
    }
}

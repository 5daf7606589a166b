package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private PostgreSQL cluster for one test class ({@link LocalPostgres}: started before its first test, stopped
 * after its last), or the class skipped with the reason printed when no PostgreSQL binaries are installed. CI
 * installs them (.ci/run), so there nothing is skipped. Test classes run one after another (no parallel runs).
 */
final class TestPostgres implements BeforeAllCallback, AfterAllCallback {
    /** This helper's share of loopback ports. */
    private static final int PORTS_FROM = 21400;
    private static final int PORTS_TO = 21500;

    private static LocalPostgres cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        try {
            LocalPostgres.binaries();
        } catch (LocalPostgres.NotInstalled e) {
            System.out.println("[postgres] skipped " + context.getDisplayName() + ": " + e.getMessage());
            assumeTrue(false, e.getMessage());
        }
        int port = LocalPostgres.freePort(PORTS_FROM, PORTS_TO).orElseThrow(() -> new IOException(
                "no free loopback port in " + PORTS_FROM + "-" + PORTS_TO));
        try {
            cluster = LocalPostgres.start(port, false);
        } catch (LocalPostgres.NotInstalled e) {
            throw new AssertionError("found a moment ago", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** A new empty database in the class's cluster: each test its own. */
    static String newDatabase() throws SQLException {
        return cluster.newDatabase();
    }
}

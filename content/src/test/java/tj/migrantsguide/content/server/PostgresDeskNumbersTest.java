package tj.migrantsguide.content.server;

import org.junit.jupiter.api.extension.ExtendWith;

/** Every test of {@link DeskNumbersTest}, on PostgreSQL: a private cluster, a new database per test. */
@ExtendWith(TestPostgres.class)
class PostgresDeskNumbersTest extends DeskNumbersTest {
    @Override
    String database() throws Exception {
        return TestPostgres.newDatabase();
    }
}

package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.questions.Question;
import tj.migrantsguide.questions.ReportedContact;
import tj.migrantsguide.questions.Topic;

/** An inbox made by the previous version is brought up to date at start, its questions kept. */
class InboxMigrationTest {
    @TempDir
    Path temp;

    @Test
    void aVersion5InboxGetsTheReportColumnsAndKeepsItsQuestions() throws Exception {
        String url = TestServer.sqlite(temp);
        Flyway.configure().dataSource(url, null, null).locations(InboxDatabase.MIGRATIONS)
                .table("inbox_schema_history").target("5").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO inbox_question (id, token_hash, idempotency_key, topic, country, language, message,
                        received_at) VALUES ('old', 'hash-1', 'k-1', 'report-a-problem', 'RU', 'ru',
                        'Номер 227-07-07-07 не работает.', 1763892000000)""");
        }

        InboxStore store = InboxStore.open(url);
        try {
            assertEquals("Номер 227-07-07-07 не работает.", store.deskQuestion("old").orElseThrow().message());
            assertEquals(new NumberReports.Totals(0, 0), store.numberReports().totals(), "an old report names no item");
            Instant now = Instant.parse("2026-11-24T10:00:00Z");
            assertInstanceOf(InboxStore.Claim.Claimed.class, store.claim("hash-2", "k-2", "sha", now));
            store.storeQuestion("hash-2", "k-2", new Question(Topic.REPORT_A_PROBLEM, "RU", Language.RUSSIAN,
                    "Номер 227-07-07-07 не работает.", Optional.empty(),
                    Optional.of(new ReportedContact("RU", "trafficking-hotline-227-ru")), Optional.of("227-07-07-07")),
                    "new", now);

            NumberReports.ReportedItem item = store.numberReports().page(Optional.empty(), 50).items().get(0);
            assertEquals("contact/RU/trafficking-hotline-227-ru", item.item().code());
            assertEquals(1, item.reports());
            assertEquals(java.util.Map.of("227-07-07-07", 1L), item.numbers());
        } finally {
            store.close();
        }
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT success FROM inbox_schema_history WHERE version = '6'")) {
            assertTrue(rows.next(), "V6 ran");
            assertTrue(rows.getBoolean(1));
        }
    }
}

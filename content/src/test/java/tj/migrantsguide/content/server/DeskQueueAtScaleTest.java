package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.testing.FakeClock;

/**
 * A flood at the desk: 50,000 open questions. The desk used to read at most 10,000 and count only those; now it
 * counts all of them in the database and pages through every one, oldest first. Its own class: it is slower.
 */
class DeskQueueAtScaleTest {
    private static final int OPEN = 50_000;
    private static final Pattern QUESTION = Pattern.compile("<article class=\"q\" id=\"q-([A-Za-z0-9_-]+)\">");
    private static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"/desk\\?([^\"]+)\">");

    @TempDir
    Path temp;

    @Test
    void fiftyThousandOpenQuestionsAreAllCountedAndPagedThrough() throws Exception {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        try (TestServer server = TestServer.start(temp, new FakeClock(start), ReferenceServer.Limits.standard(),
                Optional.empty())) {
            // Written straight into the database in one transaction: 50,000 requests would test the API instead.
            // Every 7th shares its second with the one before, so paging must order by id too.
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl);
                    PreparedStatement insert = connection.prepareStatement("""
                            INSERT INTO inbox_question (id, token_hash, idempotency_key, topic, country, language,
                                message, received_at) VALUES (?, ?, ?, ?, ?, 'ru', ?, ?)""")) {
                connection.setAutoCommit(false);
                for (int i = 0; i < OPEN; i++) {
                    insert.setString(1, String.format("q%06d", OPEN - i)); // ids in the other order from time
                    insert.setString(2, "token-" + (i % 977));
                    insert.setString(3, "key-" + i);
                    insert.setString(4, i % 3 == 0 ? "health" : "work-and-pay");
                    insert.setString(5, i % 2 == 0 ? "RU" : "KZ");
                    insert.setString(6, "Вопрос номер " + i + " о работе и здоровье.");
                    insert.setLong(7, start.toEpochMilli() + (i - i / 7) * 1000L);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }

            String session = server.deskSession(TestServer.OPERATOR);
            Set<String> seen = new HashSet<>();
            String query = "size=" + DeskHandler.PAGE_SIZE_MAX;
            int pages = 0;
            while (query != null) {
                HttpResponse<String> page = server.send(server.request("desk?" + query).header("Cookie", session)
                        .GET());
                assertEquals(200, page.statusCode());
                if (pages++ == 0) {
                    assertTrue(page.body().contains(OPEN + " open questions"), "all counted");
                }
                Matcher question = QUESTION.matcher(page.body());
                while (question.find()) {
                    assertTrue(seen.add(question.group(1)), "shown twice: " + question.group(1));
                }
                Matcher next = NEXT.matcher(page.body());
                query = next.find() ? next.group(1).replace("&amp;", "&") : null;
            }

            assertEquals(OPEN, seen.size(), "every open question, once");
            assertEquals(OPEN / DeskHandler.PAGE_SIZE_MAX, pages);
        }
    }
}

package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.testing.FakeClock;

/**
 * The editors' page ({@code /desk/numbers}): "this number does not work" reports sent through the real API from
 * several devices, read back through the real desk, one row per contact of the guide.
 */
class DeskNumbersTest {
    private static final String HOTLINE = "contact/RU/trafficking-hotline-227-ru";
    private static final String EMERGENCY = "contact/KZ/emergency-112-kz";
    private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\">(.*?)</tr>");

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TestServer server;

    /** The inbox's database for one test: a SQLite file here, a PostgreSQL database in PostgresDeskNumbersTest. */
    String database() throws Exception {
        return TestServer.sqlite(temp);
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock, ReferenceServer.Limits.none(), Optional.empty(), 0, database());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> report(int device, String key, String country, String about, String number)
            throws Exception {
        return server.post(TestServer.token(device), key, "{\"topic\":\"report-a-problem\",\"country\":\"" + country
                + "\",\"language\":\"ru\",\"message\":\"Номер " + number + " не работает.\",\"about\":\"" + about + "\""
                + (number.isEmpty() ? "" : ",\"number\":\"" + number + "\"") + "}");
    }

    private HttpResponse<String> numbers(String query, String cookie) throws Exception {
        return server.send(server.request("desk/numbers" + query).header("Cookie", cookie).GET());
    }

    /** The rows of the page's table, by the item they are about (in the page's order). */
    private static List<String[]> rows(String page) {
        List<String[]> rows = new ArrayList<>();
        Matcher matcher = ROW.matcher(page);
        while (matcher.find()) {
            rows.add(new String[] {matcher.group(1), matcher.group(2)});
        }
        return rows;
    }

    private static String when(String day, String hour) {
        return "<span class=\"when\">" + day + "</span> <span class=\"when\">" + hour + "</span>";
    }

    /** Reports about two contacts from five devices in three countries, resends among them, and one question. */
    private void sendReports() throws Exception {
        assertEquals(201, report(1, "k-1", "RU", HOTLINE, "227-07-07-07").statusCode());
        HttpResponse<String> resent = report(1, "k-1", "RU", HOTLINE, "227-07-07-07");
        assertEquals(Optional.of("true"), resent.headers().firstValue("Idempotent-Replayed"), "a resend, stored once");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(201, report(4, "k-1", "KZ", EMERGENCY, "112").statusCode());
        clock.advance(Duration.ofMinutes(30));
        // The same key from another device is another report.
        assertEquals(201, report(2, "k-1", "KZ", HOTLINE, "227-07-07-07").statusCode());
        clock.advance(Duration.ofHours(1));
        assertEquals(201, report(3, "k-3", "UZ", HOTLINE, "").statusCode());
        assertEquals(201, report(3, "k-3", "UZ", HOTLINE, "").statusCode());
        clock.advance(Duration.ofHours(1));
        // The first device again, a day's second report: one more report, not one more device.
        assertEquals(201, report(1, "k-2", "RU", HOTLINE, "227-07-07-07").statusCode());
        clock.advance(Duration.ofHours(1));
        assertEquals(201, server.post(TestServer.token(5), "k-5", "{\"topic\":\"health\",\"country\":\"RU\","
                + "\"language\":\"tg\",\"message\":\"Духтурро дар куҷо ёфтан мумкин?\"}").statusCode());
    }

    @Test
    void reportsFromSeveralDevicesAboutOneContactAreOneRowWithTheirCountsCountriesAndTimes() throws Exception {
        sendReports();

        HttpResponse<String> page = numbers("", server.deskSession(TestServer.OPERATOR));

        assertEquals(200, page.statusCode(), page.body());
        List<String[]> rows = rows(page.body());
        assertEquals(List.of(HOTLINE, EMERGENCY), rows.stream().map(r -> r[0]).toList(), "last reported first");
        String hotline = rows.get(0)[1];
        assertTrue(hotline.contains("<code>RU/trafficking-hotline-227-ru</code>"), hotline);
        assertTrue(hotline.contains("<span class=\"meta\"><code>content/guide/RU/*.txt</code></span>"), hotline);
        assertTrue(hotline.contains("<span class=\"number\">227-07-07-07</span> (3)"), hotline);
        assertTrue(hotline.contains("<td>4</td><td>3</td>"), "4 reports from 3 devices: " + hotline);
        assertTrue(hotline.contains(">KZ</a> (1)</span>, <span class=\"country\"><a href=\"/desk?topic=report-a-problem"
                + "&amp;country=RU\">RU</a> (2)</span>, <span class=\"country\"><a href=\"/desk?topic=report-a-problem"
                + "&amp;country=UZ\">UZ</a> (1)</span>"), hotline);
        assertTrue(hotline.contains("<td>" + when("2026-11-23", "10:00 UTC") + "</td><td>" + when("2026-11-23", "13:00 UTC") + "</td>"), hotline);
        String emergency = rows.get(1)[1];
        assertTrue(emergency.contains("<span class=\"number\">112</span> (1)</td><td>1</td><td>1</td>"), emergency);
        assertTrue(emergency.contains("<td>" + when("2026-11-23", "10:30 UTC") + "</td><td>" + when("2026-11-23", "10:30 UTC") + "</td>"), emergency);
        assertTrue(page.body().contains("Contacts reported: 2; reports: 5."), page.body());
        assertFalse(page.body().contains("rel=\"next\""), "one page");
        assertTrue(server.server.inbox().desk().audit(10).stream().anyMatch(e -> e.action().equals("read-numbers")
                && e.operator().equals(TestServer.OPERATOR) && e.detail().equals("2")), "reading is audited");
        String audit = server.send(server.request("desk/audit").header("Cookie",
                server.deskSession(TestServer.SUPERVISOR)).GET()).body();
        assertTrue(audit.contains("<td data-action=\"read-numbers\">read the numbers that do not work</td>")
                && audit.contains("<td>contacts shown: 2</td>"), audit);
    }

    @Test
    void thePageIsPagedWithNoCapAndAReportDeletedOnThePhoneNoLongerCounts() throws Exception {
        sendReports();
        String session = server.deskSession(TestServer.OPERATOR);

        HttpResponse<String> first = numbers("?size=1", session);
        assertEquals(List.of(HOTLINE), rows(first.body()).stream().map(r -> r[0]).toList());
        Matcher next = Pattern.compile("rel=\"next\" href=\"/desk/numbers([^\"]+)\"").matcher(first.body());
        assertTrue(next.find(), first.body());
        HttpResponse<String> second = numbers(next.group(1).replace("&amp;", "&"), session);
        assertEquals(List.of(EMERGENCY), rows(second.body()).stream().map(r -> r[0]).toList(), second.body());
        assertFalse(second.body().contains("rel=\"next\""), "the last page");

        String id = QuestionCodec.readReceipt(report(4, "k-1", "KZ", EMERGENCY, "112").body()
                .getBytes(StandardCharsets.UTF_8)).orElseThrow().id();
        assertEquals(204, server.delete(TestServer.token(4), id).statusCode());
        assertEquals(List.of(HOTLINE), rows(numbers("", session).body()).stream().map(r -> r[0]).toList());
    }

    @Test
    void operatorsAndSupervisorsReadItInTheirLanguageAndNoOneElse() throws Exception {
        sendReports();

        HttpResponse<String> none = server.send(server.request("desk/numbers").GET());
        HttpResponse<String> supervisor = numbers("", server.deskSession(TestServer.SUPERVISOR));
        HttpResponse<String> tajik = numbers("", server.deskSession(TestServer.OPERATOR) + "; "
                + DeskHandler.LANGUAGE_COOKIE + "=tg");
        HttpResponse<String> queue = server.send(server.request("desk").header("Cookie",
                server.deskSession(TestServer.OPERATOR)).GET());

        assertEquals(303, none.statusCode(), "log in first");
        assertEquals(200, supervisor.statusCode());
        assertEquals(2, rows(supervisor.body()).size());
        assertTrue(tajik.body().contains("<title>Мизи корӣ: рақамҳое, ки кор намекунанд</title>"), tajik.body());
        assertTrue(tajik.body().contains("<th scope=\"col\">Дастгоҳҳо</th>"), tajik.body());
        assertTrue(queue.body().contains("<a href=\"/desk/numbers\">Numbers that do not work</a>"), queue.body());
        assertEquals(405, server.send(server.request("desk/numbers").header("Cookie",
                server.deskSession(TestServer.OPERATOR)).DELETE()).statusCode());
    }

    @Test
    void aReportInTheWorkQueueNamesItsContactAndLeadsToItsRowOnTheEditorsPage() throws Exception {
        assertEquals(201, report(1, "a", "RU", HOTLINE, "227-07-07-07").statusCode());
        assertEquals(201, server.post(TestServer.token(2), "b", "{\"topic\":\"documents\",\"country\":\"RU\","
                + "\"language\":\"ru\",\"message\":\"Где продлить патент?\"}").statusCode());

        String queue = server.send(server.request("desk").header("Cookie",
                server.deskSession(TestServer.OPERATOR)).GET()).body();

        assertTrue(queue.contains("about the contact <a href=\"/desk/numbers#" + HOTLINE
                + "\"><code>RU/trafficking-hotline-227-ru</code></a> (<span class=\"number\">227-07-07-07</span>)"), queue);
        assertEquals(1, queue.split("about the contact", -1).length - 1, "the plain question names no contact");
        String page = numbers("", server.deskSession(TestServer.OPERATOR)).body();
        assertEquals(HOTLINE, rows(page).get(0)[0], "the link's anchor is the row's id");
    }

    @Test
    void withNoReportsThePageSaysSo() throws Exception {
        HttpResponse<String> page = numbers("?after=x~%3Cscript%3E", server.deskSession(TestServer.OPERATOR));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("No number has been reported."), page.body());
        assertFalse(page.body().contains("<script>"), "a hand-made position is not echoed");
    }
}

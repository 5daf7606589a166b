package tj.migrantsguide.content.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.questions.Topic;

/**
 * The editors' page of the desk, {@code GET /desk/numbers}: "this number does not work" reports grouped per contact
 * of the guide, so that the next published feed can fix the number. One row per item (its id as in
 * {@code content/guide/CC/*.txt}), the numbers reported, how many reports from how many devices, the countries they
 * came from (each a link to that country's reported problems in the work queue), the first and last report; the
 * most recently reported first, a page at a time with no cap.
 *
 * <p>Operators and supervisors alike may read it: it shows no message, contact or token, only counts and the
 * guide's own ids, and whoever works the queue is who passes a dead number on to the editors.
 */
final class DeskNumbersPage {
    static final String PATH = DeskHandler.PATH + "/numbers";

    private final InboxStore store;
    private final DeskHandler.Audit audit;

    DeskNumbersPage(InboxStore store, DeskHandler.Audit audit) {
        this.store = store;
        this.audit = audit;
    }

    void show(ServerExchange exchange, DeskStore.Session session, Map<String, String> query) {
        Optional<NumberReports.Position> after = NumberReports.Position.parse(query.getOrDefault("after", ""));
        int size = DeskHandler.pageSize(query.getOrDefault("size", ""));
        NumberReports.Totals totals = store.numberReports().totals();
        NumberReports.Page page = store.numberReports().page(after, size);
        // Data, not a sentence, like the queue's read (the audit page says it in its reader's language).
        audit.write(session.operator(), "read-numbers", Optional.empty(),
                page.items().size() + after.map(a -> " after " + a.text()).orElse(""));

        DeskText t = DeskHandler.text(exchange);
        StringBuilder html = new StringBuilder(8192);
        DeskHandler.head(html, t.get("title.numbers"), t);
        html.append("<p><a href=\"").append(DeskHandler.PATH).append("\">").append(escape(t.get("nav.back")))
                .append("</a></p>\n<h2>").append(escape(t.get("numbers.heading"))).append("</h2>\n<p>")
                .append(escape(t.get("numbers.intro"))).append("</p>\n<p>")
                .append(escape(String.format(Locale.ROOT, t.get("numbers.totals"), totals.items(), totals.reports())))
                .append("</p>\n");
        if (page.items().isEmpty()) {
            html.append("<p>").append(escape(t.get("numbers.none"))).append("</p>\n");
        } else {
            // An id is what an editor searches for: kept on one line, never broken at its hyphens.
            html.append("<style>table.numbers code,table.numbers .number,table.numbers .country,table.numbers .when{white-space:nowrap} "
                    + "table.numbers td{vertical-align:top}</style>\n")
                    .append("<table class=\"numbers\"><thead><tr>");
            for (String key : new String[] {"numbers.item", "numbers.numbers", "numbers.reports", "numbers.devices",
                    "numbers.countries", "numbers.first", "numbers.last"}) {
                html.append("<th scope=\"col\">").append(escape(t.get(key))).append("</th>");
            }
            html.append("</tr></thead><tbody>\n");
            for (NumberReports.ReportedItem item : page.items()) {
                row(html, item, t);
            }
            html.append("</tbody></table>\n");
        }
        page.next().ifPresent(next -> html.append("<nav aria-label=\"").append(escape(t.get("queue.pages")))
                .append("\"><a rel=\"next\" href=\"").append(PATH)
                .append("?after=").append(escape(URLEncoder.encode(next.text(), StandardCharsets.UTF_8)))
                .append(size == DeskHandler.PAGE_SIZE ? "" : "&amp;size=" + size).append("\">")
                .append(escape(t.get("numbers.next", size))).append("</a></nav>\n"));
        html.append("</body></html>\n");
        exchange.reply(200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8),
                DeskHandler.PAGE_HEADERS);
    }

    /** Everything here came from devices (the rules checked its form, nothing more): escaped like a message. */
    private static void row(StringBuilder html, NumberReports.ReportedItem item, DeskText t) {
        String id = item.item().country() + "/" + item.item().id();
        html.append("<tr id=\"").append(escape(item.item().code())).append("\"><td><code>").append(escape(id))
                .append("</code><br><span class=\"meta\"><code>content/guide/").append(escape(item.item().country()))
                .append("/*.txt</code></span></td><td>");
        if (item.numbers().isEmpty()) {
            html.append(escape(t.get("numbers.noNumber")));
        }
        String separator = "";
        for (Map.Entry<String, Long> number : item.numbers().entrySet()) {
            html.append(separator).append("<span class=\"number\">").append(escape(number.getKey())).append("</span> (")
                    .append(number.getValue()).append(")");
            separator = "<br>";
        }
        html.append("</td><td>").append(item.reports()).append("</td><td>").append(item.devices()).append("</td><td>");
        separator = "";
        for (Map.Entry<String, Long> country : item.countries().entrySet()) {
            html.append(separator).append("<span class=\"country\"><a href=\"").append(DeskHandler.PATH).append("?topic=")
                    .append(Topic.REPORT_A_PROBLEM.code()).append("&amp;country=")
                    .append(escape(URLEncoder.encode(country.getKey(), StandardCharsets.UTF_8))).append("\">")
                    .append(escape(country.getKey())).append("</a> (").append(country.getValue()).append(")</span>");
            separator = ", ";
        }
        html.append("</td><td>").append(when(item.first())).append("</td><td>").append(when(item.last()))
                .append("</td></tr>\n");
    }

    /** The desk's time, broken only between the day and the hour: "2026-11-23 10:00 UTC". */
    private static String when(java.time.Instant at) {
        String[] dayAndHour = DeskHandler.TIME.format(at).split(" ", 2);
        return "<span class=\"when\">" + escape(dayAndHour[0]) + "</span> <span class=\"when\">"
                + escape(dayAndHour[1]) + "</span>";
    }

    private static String escape(String text) {
        return DeskHandler.escape(text);
    }
}

package tj.migrantsguide.content.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tj.migrantsguide.questions.ReportedContact;

/**
 * Reports of numbers that do not work, one row per item of the guide they name (V6 {@code about_item}): every SQL
 * string of the desk's editors' page, the same on SQLite and PostgreSQL. A question deleted on the phone no longer
 * counts. A resend of one report is stored once (the idempotency claim), so it counts once.
 */
public final class NumberReports {
    /** One item of the guide and what its reports say. */
    public record ReportedItem(ReportedContact item, long reports, long devices, Instant first, Instant last,
            Map<String, Long> countries, Map<String, Long> numbers) {
        public ReportedItem {
            countries = Collections.unmodifiableMap(new TreeMap<>(countries));
            numbers = Collections.unmodifiableMap(new TreeMap<>(numbers));
        }
    }

    /** Where a page starts: after the item last reported at {@code last} with this code (newest first). */
    public record Position(Instant last, String item) {
        /** {@code 1732356000000~contact/RU/id}: what the page puts in its "next page" link. */
        public String text() {
            return last.toEpochMilli() + "~" + item;
        }

        /**
         * Empty for anything that is not such a text (a hand-edited link starts from the beginning): the work
         * queue's form of a position ({@link InboxStore.QueuePosition}), with a contact of the guide after the tilde.
         */
        public static Optional<Position> parse(String text) {
            return InboxStore.QueuePosition.parse(text).filter(at -> ReportedContact.parse(at.id()).isPresent())
                    .map(at -> new Position(at.receivedAt(), at.id()));
        }
    }

    /** One page of items, last reported first, and where the next one starts (empty on the last page). */
    public record Page(List<ReportedItem> items, Optional<Position> next) {}

    /** How many items were reported and how many reports there are, over the whole inbox. */
    public record Totals(long items, long reports) {}

    private final InboxDatabase database;

    NumberReports(InboxDatabase database) {
        this.database = database;
    }

    /**
     * A page of reported items, the most recently reported first (then by item), after {@code after}. Keyset
     * paging like the work queue: no cap on how many pages there are.
     */
    public Page page(Optional<Position> after, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT about_item, count(*), count(DISTINCT token_hash), min(received_at), max(received_at)
                FROM inbox_question WHERE about_item IS NOT NULL GROUP BY about_item""");
        List<Object> parameters = new ArrayList<>();
        after.ifPresent(position -> {
            sql.append(" HAVING max(received_at) < ? OR (max(received_at) = ? AND about_item > ?)");
            parameters.add(position.last().toEpochMilli());
            parameters.add(position.last().toEpochMilli());
            parameters.add(position.item());
        });
        sql.append(" ORDER BY max(received_at) DESC, about_item LIMIT ?");
        parameters.add(size + 1);

        Map<String, long[]> figures = new LinkedHashMap<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    figures.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5)});
                }
            }
            boolean more = figures.size() > size;
            List<String> shown = new ArrayList<>(figures.keySet()).subList(0, Math.min(size, figures.size()));
            Map<String, Map<String, Long>> countries = new TreeMap<>();
            Map<String, Map<String, Long>> numbers = new TreeMap<>();
            if (!shown.isEmpty()) {
                // Countries and numbers of this page's items only, counted in the database.
                try (PreparedStatement details = connection.prepareStatement("""
                        SELECT about_item, country, about_number, count(*) FROM inbox_question
                        WHERE about_item IN (%s) GROUP BY about_item, country, about_number"""
                        .formatted(String.join(", ", Collections.nCopies(shown.size(), "?"))))) {
                    for (int i = 0; i < shown.size(); i++) {
                        details.setString(i + 1, shown.get(i));
                    }
                    try (ResultSet rows = details.executeQuery()) {
                        while (rows.next()) {
                            long count = rows.getLong(4);
                            countries.computeIfAbsent(rows.getString(1), k -> new TreeMap<>())
                                    .merge(rows.getString(2), count, Long::sum);
                            String number = rows.getString(3);
                            if (number != null) {
                                numbers.computeIfAbsent(rows.getString(1), k -> new TreeMap<>())
                                        .merge(number, count, Long::sum);
                            }
                        }
                    }
                }
            }
            List<ReportedItem> items = new ArrayList<>();
            for (String code : shown) {
                Optional<ReportedContact> item = ReportedContact.parse(code);
                if (item.isEmpty()) {
                    continue; // not written by this server's rules (edited by hand): not an item editors can find
                }
                long[] f = figures.get(code);
                items.add(new ReportedItem(item.get(), f[0], f[1], Instant.ofEpochMilli(f[2]), Instant.ofEpochMilli(f[3]),
                        countries.getOrDefault(code, Map.of()), numbers.getOrDefault(code, Map.of())));
            }
            Optional<Position> next = more && !shown.isEmpty()
                    ? Optional.of(new Position(Instant.ofEpochMilli(figures.get(shown.get(shown.size() - 1))[3]),
                            shown.get(shown.size() - 1)))
                    : Optional.empty();
            return new Page(List.copyOf(items), next);
        } catch (SQLException e) {
            throw new InboxStore.InboxException("read reports of numbers", e);
        }
    }

    public Totals totals() {
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(DISTINCT about_item), count(about_item) FROM inbox_question WHERE about_item IS NOT NULL");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? new Totals(rows.getLong(1), rows.getLong(2)) : new Totals(0, 0);
        } catch (SQLException e) {
            throw new InboxStore.InboxException("count reports of numbers", e);
        }
    }
}

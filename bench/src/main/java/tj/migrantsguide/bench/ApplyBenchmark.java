package tj.migrantsguide.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.store.GuideStore;

/**
 * How long installing a 100,000-item feed takes in the store's one transaction ({@code apply_ms}), against the
 * floor for the same rows: plain JDBC batch inserts into the same tables and indexes, in one transaction
 * ({@code raw_insert_ms}). Their ratio is what the store's way of applying costs over the bare inserts.
 *
 * <p>The raw insert reads the schema and the rows from the database {@code apply} wrote, so it follows whatever the
 * store's migrations create (tables, indexes, triggers) without a copy of its SQL: the only SQL here is generic
 * ({@code INSERT INTO t VALUES (?, …)}), as the benchmark needs to stand beside the store, not inside it.
 */
final class ApplyBenchmark implements Benchmark {
    @Override
    public String name() {
        return "apply";
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        Path work = Files.createTempDirectory("bench-apply");
        Clock clock = Clock.systemUTC();
        Instant published = clock.instant();
        FeedWriter.write(work.resolve("feed"), 1, published, published.plusSeconds(86_400), SyntheticFeed.common(),
                SyntheticFeed.packs("first"), List.of(), List.of(FeedKeys.generate(new SecureRandom())));

        long parseStart = System.nanoTime();
        Feed feed = FeedReader.read(FeedFiles.directory(work.resolve("feed")));
        double parseMs = (System.nanoTime() - parseStart) / 1e6;
        int runs = quick ? 2 : 5;

        double[] apply = new double[runs];
        for (int i = 0; i < runs; i++) {
            Path db = work.resolve("apply-" + i + ".db");
            try (GuideStore store = GuideStore.open(db, clock)) {
                long start = System.nanoTime();
                store.install(feed);
                apply[i] = (System.nanoTime() - start) / 1e6;
            }
        }

        Map<String, Table> rows = readRows(work.resolve("apply-0.db"));
        double[] raw = new double[runs];
        for (int i = 0; i < runs; i++) {
            Path db = work.resolve("raw-" + i + ".db");
            GuideStore.open(db, clock).close();
            raw[i] = rawInsert(db, rows);
        }
        long rowCount = rows.values().stream().mapToLong(t -> t.rows.size()).sum();

        double applyMs = Results.percentile(apply, 50);
        double rawMs = Results.percentile(raw, 50);
        results.put("apply_items", feed.itemCount());
        results.put("apply_rows", rowCount);
        results.put("apply_parse_ms", parseMs);
        results.put("apply_ms", applyMs);
        results.put("raw_insert_ms", rawMs);
        results.put("apply_vs_insert_ratio", applyMs / rawMs);
        results.target("apply_vs_insert_ratio", "apply costs at most 2× the bare inserts of the same rows",
                applyMs / rawMs <= 2.0);
        System.out.printf("  %d items, %d rows: apply %.0f ms, raw insert %.0f ms (median of %d), parse %.0f ms%n",
                feed.itemCount(), rowCount, applyMs, rawMs, runs, parseMs);
        deleteTree(work);
    }

    /** The rows of one table, with its column count. */
    private record Table(int columns, List<Object[]> rows) {}

    /** Every row of every table the raw insert must fill, parents before children (foreign keys). */
    private static Map<String, Table> readRows(Path db) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            List<String> tables = tablesToFill(connection);
            Map<String, Table> rows = new LinkedHashMap<>();
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = result.getMetaData();
                    List<Object[]> list = new ArrayList<>();
                    while (result.next()) {
                        Object[] row = new Object[meta.getColumnCount()];
                        for (int c = 0; c < row.length; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        list.add(row);
                    }
                    rows.put(table, new Table(meta.getColumnCount(), list));
                }
            }
            return rows;
        }
    }

    /**
     * Ordinary tables (not SQLite's own, not the shadow tables of a virtual table) in foreign-key order, plus
     * virtual tables (full-text indexes) unless a trigger fills them from the ordinary tables anyway.
     */
    private static List<String> tablesToFill(Connection connection) throws SQLException {
        List<String> virtual = new ArrayList<>();
        List<String> ordinary = new ArrayList<>();
        StringBuilder triggers = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT type, name, sql FROM sqlite_master")) {
            while (result.next()) {
                String type = result.getString(1);
                String name = result.getString(2);
                String sql = result.getString(3) == null ? "" : result.getString(3);
                if (type.equals("trigger")) {
                    triggers.append(sql).append('\n');
                } else if (type.equals("table") && !name.startsWith("sqlite_")) {
                    (sql.toUpperCase().startsWith("CREATE VIRTUAL TABLE") ? virtual : ordinary).add(name);
                }
            }
        }
        ordinary.removeIf(name -> virtual.stream().anyMatch(v -> name.startsWith(v + "_")));
        virtual.removeIf(name -> triggers.toString().contains(name));
        Set<String> ordered = new LinkedHashSet<>();
        for (String table : ordinary) {
            addWithParents(connection, table, ordinary, ordered);
        }
        List<String> all = new ArrayList<>(ordered);
        all.addAll(virtual);
        return all;
    }

    private static void addWithParents(Connection connection, String table, List<String> tables, Set<String> ordered)
            throws SQLException {
        if (ordered.contains(table)) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA foreign_key_list(\"" + table + "\")")) {
            List<String> parents = new ArrayList<>();
            while (result.next()) {
                parents.add(result.getString("table"));
            }
            for (String parent : parents) {
                if (!parent.equals(table) && tables.contains(parent)) {
                    addWithParents(connection, parent, tables, ordered);
                }
            }
        }
        ordered.add(table);
    }

    /** Inserts the rows into a fresh database with the store's schema; returns the milliseconds it took. */
    private static double rawInsert(Path db, Map<String, Table> rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement statement = connection.createStatement()) {
                // The connection settings the store uses (GuideStore.open), so that only the way of writing differs.
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            for (Map.Entry<String, Table> table : rows.entrySet()) {
                if (table.getValue().rows().isEmpty() || hasRows(connection, table.getKey())) {
                    continue; // migration bookkeeping the fresh database already has
                }
                String marks = String.join(", ", java.util.Collections.nCopies(table.getValue().columns(), "?"));
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO \"" + table.getKey() + "\" VALUES (" + marks + ")")) {
                    for (Object[] row : table.getValue().rows()) {
                        for (int c = 0; c < row.length; c++) {
                            insert.setObject(c + 1, row[c]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static boolean hasRows(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM \"" + table + "\")")) {
            return result.next() && result.getInt(1) == 1;
        }
    }

    static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

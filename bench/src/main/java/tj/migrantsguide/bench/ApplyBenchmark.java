package tj.migrantsguide.bench;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.store.GuideStore;

/**
 * Verifying and applying a signed 100,000-item feed ({@code apply_ms}), against the floor for the same rows: plain
 * JDBC batch inserts into the same tables and indexes, full-text indexes included, in one transaction
 * ({@code raw_insert_ms}). Their ratio is what our way of applying costs over the bare inserts.
 *
 * <p>{@code apply_ms} runs from the feed's files on disk to the committed transaction, as a device does after
 * downloading: the index's signature, every pack's size and SHA-256, parsing, then {@code GuideStore.apply}
 * (rows, folding, search index, bookkeeping). See {@link FeedInstall} for the steps, each also reported alone.
 * Opening the data folder is not included (that is startup, measured elsewhere); neither is the network.
 *
 * <p>The raw insert reads the schema and the rows from the database {@code apply} wrote, so it follows whatever the
 * store's migrations create without a copy of its SQL: the only SQL here is generic
 * ({@code INSERT INTO t VALUES (?, …)}). The full-text indexes are contentless, so their words cannot be read back
 * with {@code SELECT}; they are read from the index itself ({@code fts5vocab}, every token with its place), which
 * gives the baseline the very tokens apply indexed, already folded: folding is part of what apply costs.
 */
final class ApplyBenchmark implements Benchmark {
    private final int items;

    ApplyBenchmark() {
        this(SearchBenchmark.ITEMS);
    }

    /** A smaller feed: for the smoke test. */
    ApplyBenchmark(int items) {
        this.items = items;
    }

    @Override
    public String name() {
        return "apply";
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        Path work = Files.createTempDirectory("bench-apply");
        try {
            run(quick, results, work);
        } finally {
            deleteTree(work);
        }
    }

    private void run(boolean quick, Results results, Path work) throws Exception {
        Clock clock = Clock.systemUTC();
        Path feed = work.resolve("feed");
        TrustedKeys trusted = writeFeed(items, feed);
        long feedBytes;
        try (var files = Files.walk(feed)) {
            feedBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }

        // Unmeasured rounds first, for the JIT and the file cache; then apply and raw insert interleaved, so that
        // the machine's noise (2 cores shared with other work) falls on both alike. Quick mode warms up on a tenth
        // of the feed and takes the raw insert's rows from the first measured install: each full-size round costs
        // seconds, and under load tens of seconds.
        int runs = quick ? 2 : 7;
        Map<String, Table> rows = null;
        if (quick) {
            Path warmFeed = work.resolve("warm-feed");
            install(warmFeed, writeFeed(Math.max(1, items / 10), warmFeed), work.resolve("warm"), clock);
        } else {
            install(feed, trusted, work.resolve("warm"), clock);
            rows = readRows(work.resolve("warm").resolve("content.db"));
            rawInsert(fresh(work.resolve("warm-raw"), clock), rows);
        }
        deleteTree(work.resolve("warm"));
        deleteTree(work.resolve("warm-raw"));

        List<FeedInstall.Timings> apply = new ArrayList<>();
        double[] raw = new double[runs];
        double[] applyCpu = new double[runs];
        double[] rawCpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            double cpu = Machine.processCpuMs();
            apply.add(install(feed, trusted, work.resolve("apply-" + i), clock));
            applyCpu[i] = Machine.processCpuMs() - cpu;
            if (rows == null) {
                rows = readRows(work.resolve("apply-" + i).resolve("content.db"));
            }
            Path rawDb = fresh(work.resolve("raw-" + i), clock);
            cpu = Machine.processCpuMs();
            raw[i] = rawInsert(rawDb, rows);
            rawCpu[i] = Machine.processCpuMs() - cpu;
            deleteTree(work.resolve("apply-" + i));
            deleteTree(work.resolve("raw-" + i));
        }
        FeedInstall.Timings first = apply.get(0);
        long rowCount = rows.values().stream().mapToLong(t -> t.rows().size()).sum();

        double applyMs = median(apply.stream().mapToDouble(FeedInstall.Timings::totalMs).toArray());
        double rawMs = median(raw);
        results.put("apply_items", first.items());
        results.put("apply_rows", rowCount);
        results.put("apply_feed_bytes", feedBytes);
        results.put("apply_ms", applyMs);
        results.put("apply_read_ms", median(apply.stream().mapToDouble(FeedInstall.Timings::readMs).toArray()));
        results.put("apply_verify_ms", median(apply.stream().mapToDouble(FeedInstall.Timings::verifyMs).toArray()));
        results.put("apply_parse_ms", median(apply.stream().mapToDouble(FeedInstall.Timings::parseMs).toArray()));
        results.put("apply_store_ms", median(apply.stream().mapToDouble(FeedInstall.Timings::storeMs).toArray()));
        results.put("raw_insert_ms", rawMs);
        results.put("apply_vs_insert_ratio", applyMs / rawMs);
        results.put("apply_runs", runs);
        // CPU time of the whole process (SQLite runs on the calling thread; GC and JIT threads included), each
        // window from opening the database to closing it: far less moved by other work on the machine than
        // wall time, though it leaves out waiting for the disk.
        results.put("apply_cpu_ms", median(applyCpu));
        results.put("raw_insert_cpu_ms", median(rawCpu));
        results.put("apply_vs_insert_cpu_ratio", median(applyCpu) / median(rawCpu));
        results.target("apply_vs_insert_ratio", "≤ 2", applyMs / rawMs <= 2.0);
        System.out.printf(Locale.ROOT, "  %d items, %d rows, %.1f MB of feed: apply %.0f ms (read %.0f, verify %.0f,"
                        + " parse %.0f, store %.0f), raw insert %.0f ms; medians of %d%n",
                first.items(), rowCount, feedBytes / 1e6, applyMs, results.figures().get("apply_read_ms"),
                results.figures().get("apply_verify_ms"), results.figures().get("apply_parse_ms"),
                results.figures().get("apply_store_ms"), rawMs, runs);
    }

    private static FeedInstall.Timings install(Path feed, TrustedKeys trusted, Path folder, Clock clock)
            throws Exception {
        try (GuideStore store = GuideStore.open(folder, clock)) {
            return FeedInstall.verifyAndApply(feed, trusted, store);
        }
    }

    /** A data folder with the store's schema and no content: what the raw insert writes into. */
    private static Path fresh(Path folder, Clock clock) {
        GuideStore.open(folder, clock).close();
        return folder.resolve("content.db");
    }

    /** The middle value, or the mean of the two middle ones (quick mode has two runs). */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A signed feed of about {@code items} synthetic items in {@code folder}; the keys that trust it. */
    private static TrustedKeys writeFeed(int items, Path folder) throws Exception {
        SyntheticCorpus.Generated corpus = SyntheticCorpus.generate(items, 20261123L);
        SigningKey key = FeedKeys.generate(new SecureRandom());
        var f = corpus.feed();
        FeedWriter.write(folder, 1, f.index().published(), f.index().expires(), f.common(), f.countryPacks(),
                List.of(), List.of(key));
        return TrustedKeys.of(List.of(key.publicKey()));
    }

    /**
     * The rows of one table: {@code sql} inserts one (generic for ordinary tables; rowid and columns for a
     * full-text index).
     */
    private record Table(String sql, List<Object[]> rows) {}

    /** Every row of every content table, parents before children (foreign keys), full-text indexes last. */
    private static Map<String, Table> readRows(Path db) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            Map<String, Table> rows = new LinkedHashMap<>();
            Schema schema = schema(connection);
            for (String table : schema.ordinary()) {
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
                    String marks = String.join(", ", Collections.nCopies(meta.getColumnCount(), "?"));
                    rows.put(table, new Table("INSERT INTO \"" + table + "\" VALUES (" + marks + ")", list));
                }
            }
            for (String table : schema.fullText()) {
                rows.put(table, fullTextRows(connection, table));
            }
            return rows;
        }
    }

    /**
     * The documents of a full-text index, rebuilt from its tokens in order: {@code [rowid, column 0, column 1, …]}
     * with each column's tokens joined by spaces. Works on contentless indexes, which keep no text.
     */
    private static Table fullTextRows(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            while (result.next()) {
                columns.add(result.getString("name"));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIRTUAL TABLE temp.\"vocab_" + table + "\" USING fts5vocab(main, \"" + table
                    + "\", instance)");
        }
        // Every document, including those with no token at all (still rows of the index), in rowid order.
        Map<Long, StringBuilder[]> documents = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT rowid FROM \"" + table + "\" ORDER BY rowid")) {
            while (result.next()) {
                StringBuilder[] empty = new StringBuilder[columns.size()];
                for (int c = 0; c < empty.length; c++) {
                    empty[c] = new StringBuilder();
                }
                documents.put(result.getLong(1), empty);
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT doc, col, term FROM temp.\"vocab_" + table
                        + "\" ORDER BY doc, col, \"offset\"")) {
            while (result.next()) {
                StringBuilder column = documents.get(result.getLong(1))[columns.indexOf(result.getString(2))];
                column.append(column.isEmpty() ? "" : " ").append(result.getString(3));
            }
        }
        List<Object[]> rows = new ArrayList<>(documents.size());
        documents.forEach((rowid, document) -> {
            Object[] row = new Object[columns.size() + 1];
            row[0] = rowid;
            for (int c = 0; c < document.length; c++) {
                row[c + 1] = document[c].toString();
            }
            rows.add(row);
        });
        String marks = String.join(", ", Collections.nCopies(columns.size() + 1, "?"));
        String names = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
        return new Table("INSERT INTO \"" + table + "\" (rowid, " + names + ") VALUES (" + marks + ")", rows);
    }

    private record Schema(List<String> ordinary, List<String> fullText) {}

    /**
     * Ordinary tables (not SQLite's own, not the shadow tables of a virtual table) in foreign-key order, and the
     * full-text indexes unless a trigger fills them from the ordinary tables anyway.
     */
    private static Schema schema(Connection connection) throws SQLException {
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
                    (sql.toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL TABLE") ? virtual : ordinary).add(name);
                }
            }
        }
        ordinary.removeIf(name -> virtual.stream().anyMatch(v -> name.startsWith(v + "_")));
        virtual.removeIf(name -> triggers.toString().contains(name));
        Set<String> ordered = new LinkedHashSet<>();
        for (String table : ordinary) {
            addWithParents(connection, table, ordinary, ordered);
        }
        return new Schema(new ArrayList<>(ordered), virtual);
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

    /** Inserts the rows into a database with the store's schema and no content; returns the milliseconds it took. */
    private static double rawInsert(Path db, Map<String, Table> rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement statement = connection.createStatement()) {
                // The settings the store gives content.db (DataFolder), so that only the way of writing differs.
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA cache_size = -16000");
            }
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            for (Map.Entry<String, Table> table : rows.entrySet()) {
                if (table.getValue().rows().isEmpty() || hasRows(connection, table.getKey())) {
                    continue; // migration bookkeeping the fresh database already has
                }
                try (PreparedStatement insert = connection.prepareStatement(table.getValue().sql())) {
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

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

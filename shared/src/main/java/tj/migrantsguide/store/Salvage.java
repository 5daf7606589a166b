package tj.migrantsguide.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies what can still be read from a damaged user file into a fresh one, row by row: a broken page costs the
 * rows on it, not the rest. Works from the schema the migrations define, by column name, so a file of an older or
 * newer version gives up every column this app knows, and tables added later (the question outbox) are covered
 * without code of their own.
 */
final class Salvage {
    /** Rows are read in batches so that a failure part-way loses little work. */
    private static final int BATCH = 200;

    private Salvage() {}

    /**
     * Copies rows of {@code damaged} into the already migrated {@code fresh} connection, replacing its seed rows
     * (the default person). Rows whose references are lost (a tick of a person that could not be read) are dropped.
     *
     * @return rows recovered per table, tables with none left out
     */
    static Map<String, Integer> copy(Path damaged, Connection fresh) throws SQLException {
        Map<String, Set<String>> known = Migrations.schemaAt(StoreFile.USER, Migrations.latestVersion());
        Map<String, Integer> recovered = new LinkedHashMap<>();
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + damaged.toAbsolutePath())) {
            Map<String, Set<String>> present;
            try {
                // Without this SQLite refuses a file shorter than its header says; with it, it reads the pages
                // that are there. Harmless here: the source is a throwaway copy and nothing is written to it.
                try (Statement statement = source.createStatement()) {
                    statement.execute("PRAGMA writable_schema = ON");
                }
                present = Migrations.schemaOf(source, "main");
            } catch (SQLException e) {
                return recovered; // not even the list of tables can be read
            }
            try (Statement statement = fresh.createStatement()) {
                statement.execute("PRAGMA foreign_keys = OFF");
            }
            fresh.setAutoCommit(false);
            try {
                for (Map.Entry<String, Set<String>> table : known.entrySet()) {
                    Set<String> columns = present.get(table.getKey());
                    if (columns == null || table.getKey().startsWith("sqlite_")) {
                        continue;
                    }
                    List<String> shared = new ArrayList<>(table.getValue());
                    shared.retainAll(columns);
                    if (!shared.isEmpty()) {
                        int rows = copyTable(source, fresh, table.getKey(), shared);
                        if (rows > 0) {
                            recovered.put(table.getKey(), rows);
                        }
                    }
                }
                dropOrphans(fresh, recovered);
                fresh.commit();
            } catch (SQLException | RuntimeException e) {
                fresh.rollback();
                throw e;
            } finally {
                fresh.setAutoCommit(true);
                try (Statement statement = fresh.createStatement()) {
                    statement.execute("PRAGMA foreign_keys = ON");
                }
            }
        }
        return recovered;
    }

    private static int copyTable(Connection source, Connection fresh, String table, List<String> columns)
            throws SQLException {
        String columnList = String.join(", ", columns.stream().map(Salvage::quoted).toList());
        String select = "SELECT rowid, " + columnList + " FROM " + quoted(table)
                + " WHERE rowid > ? ORDER BY rowid LIMIT " + BATCH;
        String insert = "INSERT OR REPLACE INTO " + quoted(table) + " (" + columnList + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        int copied = 0;
        long after = Long.MIN_VALUE;
        long skip = 1;
        try (PreparedStatement write = fresh.prepareStatement(insert)) {
            while (true) {
                int seen = 0;
                boolean failed = false;
                try (PreparedStatement read = source.prepareStatement(select)) {
                    read.setLong(1, after);
                    try (ResultSet rows = read.executeQuery()) {
                        while (rows.next()) {
                            seen++;
                            after = rows.getLong(1);
                            skip = 1;
                            for (int i = 0; i < columns.size(); i++) {
                                write.setObject(i + 1, rows.getObject(i + 2));
                            }
                            copied += insertQuietly(write);
                        }
                    }
                } catch (SQLException e) {
                    failed = true;
                }
                if (!failed && seen < BATCH) {
                    return copied;
                }
                if (failed) {
                    // A broken page: jump over it, further each time the same place still fails.
                    if (after == Long.MIN_VALUE) {
                        after = 0;
                    }
                    if (skip > (1L << 40)) {
                        return copied;
                    }
                    after += skip;
                    skip *= 2;
                }
            }
        } catch (SQLException e) {
            return copied;
        }
    }

    private static int insertQuietly(PreparedStatement write) {
        try {
            write.executeUpdate();
            return 1;
        } catch (SQLException e) {
            // A row garbled beyond its constraints (a missing NOT NULL value) is lost; the others are kept.
            return 0;
        }
    }

    private static void dropOrphans(Connection fresh, Map<String, Integer> recovered) throws SQLException {
        List<String[]> orphans = new ArrayList<>();
        try (Statement statement = fresh.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (rows.next()) {
                if (rows.getString(2) != null) {
                    orphans.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        for (String[] orphan : orphans) {
            try (PreparedStatement delete = fresh.prepareStatement(
                    "DELETE FROM " + quoted(orphan[0]) + " WHERE rowid = ?")) {
                delete.setLong(1, Long.parseLong(orphan[1]));
                if (delete.executeUpdate() > 0) {
                    recovered.computeIfPresent(orphan[0], (table, count) -> count > 1 ? count - 1 : null);
                }
            }
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

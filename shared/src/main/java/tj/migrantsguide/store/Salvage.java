package tj.migrantsguide.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies what can still be read from a damaged user file into a fresh one, row by row: a broken page costs the
 * rows on it, not the rest. Works from the schema the migrations define, by column name, so a file of an older or
 * newer version gives up every column this app knows, and tables added later (the question outbox) are covered
 * without code of their own. A file whose first 100 bytes (SQLite's header) are broken is read after the header is
 * written anew ({@link #rebuildHeader}): the pages behind it, the schema's included, are usually whole.
 */
final class Salvage {
    /** Rows are read in batches so that a failure part-way loses little work. */
    private static final int BATCH = 200;

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;
    /** SQLite's default first (what this app's files use), then every other size SQLite allows. */
    private static final List<Integer> PAGE_SIZES = List.of(4096, 1024, 2048, 8192, 16_384, 32_768, 65_536, 512);

    /**
     * What a salvage kept and what it lost, per table.
     *
     * @param recovered rows copied into the fresh file; tables with none left out
     * @param lost rows the damaged file held that could not be carried over, where its tables could still be counted;
     *     tables that lost none left out
     * @param uncounted tables of this app that the damaged file had, or should have had, whose rows could not even be
     *     counted (their losses are unknown)
     */
    record Salvaged(Map<String, Integer> recovered, Map<String, Integer> lost, Set<String> uncounted) {
        static final Salvaged NOTHING_READABLE = new Salvaged(Map.of(), Map.of(), Set.of());

        Salvaged {
            recovered = Map.copyOf(recovered);
            lost = Map.copyOf(lost);
            uncounted = Set.copyOf(uncounted);
        }
    }

    private Salvage() {}

    /**
     * Writes a plausible SQLite header over the first 100 bytes of {@code copy} (a throwaway copy of a damaged file)
     * when they are not one, trying each page size SQLite allows until the schema can be read; the file's size in
     * pages is then taken from its length, as SQLite does when the header's count is not valid. A WAL file beside
     * the copy names the page size in its own header, tried first.
     *
     * @return whether the copy has a readable schema now (false: nothing of it can be read as a database)
     */
    static boolean rebuildHeader(Path copy, StoreFile kind) throws IOException {
        byte[] start = new byte[MAGIC.length];
        try (var in = Files.newInputStream(copy)) {
            if (in.readNBytes(start, 0, start.length) == start.length && java.util.Arrays.equals(start, MAGIC)
                    && readableSchema(copy)) {
                return true;
            }
        }
        Path wal = copy.resolveSibling(copy.getFileName() + "-wal");
        List<Integer> sizes = new ArrayList<>(PAGE_SIZES);
        walPageSize(wal).ifPresent(size -> {
            sizes.remove(size);
            sizes.add(0, size);
        });
        long length = Files.size(copy);
        for (int pageSize : sizes) {
            if (length < 2L * pageSize) {
                continue;
            }
            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
                file.seek(0);
                file.write(header(pageSize, Files.exists(wal), kind));
            }
            if (readableSchema(copy)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] header(int pageSize, boolean wal, StoreFile kind) {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC);
        header.putShort((short) (pageSize == 65_536 ? 1 : pageSize));
        header.put((byte) (wal ? 2 : 1)).put((byte) (wal ? 2 : 1)); // file format write and read versions
        header.put((byte) 0); // reserved bytes per page
        header.put((byte) 64).put((byte) 32).put((byte) 32); // payload fractions: fixed by the format
        header.putInt(1); // change counter
        header.putInt(0); // size in pages: 0 with "valid for" 0 below makes SQLite count from the file's length
        header.putInt(0).putInt(0); // no free-list (free pages hold nothing to salvage)
        header.putInt(1); // schema cookie
        header.putInt(4); // schema format
        header.putInt(0); // default cache size
        header.putInt(0); // no auto-vacuum
        header.putInt(1); // UTF-8
        header.putInt(0); // user version: the salvage goes by table and column names
        header.putInt(0); // no incremental vacuum
        header.putInt(kind.applicationId());
        header.position(92);
        header.putInt(0); // "version valid for": not the change counter, so the page count above is not used
        header.putInt(3_045_000);
        return header.array();
    }

    private static Optional<Integer> walPageSize(Path wal) {
        try (var in = Files.newInputStream(wal)) {
            byte[] head = in.readNBytes(12);
            if (head.length == 12) {
                int size = ByteBuffer.wrap(head).getInt(8);
                if (size >= 512 && size <= 65_536 && Integer.bitCount(size) == 1) {
                    return Optional.of(size);
                }
            }
        } catch (IOException e) {
            // No WAL, or an unreadable one: the sizes are tried in order.
        }
        return Optional.empty();
    }

    private static boolean readableSchema(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA writable_schema = ON");
            Set<String> known = Migrations.schemaAt(StoreFile.USER, Migrations.latestVersion()).keySet();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    if (known.contains(rows.getString(1))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Copies rows of {@code damaged} into the already migrated {@code fresh} connection, replacing its seed rows
     * (the default person). Rows whose references are lost (a tick of a person that could not be read) are dropped.
     *
     * @return rows recovered and lost per table
     */
    static Salvaged copy(Path damaged, Connection fresh) throws SQLException {
        Map<String, Set<String>> known = Migrations.schemaAt(StoreFile.USER, Migrations.latestVersion());
        Map<String, Integer> recovered = new LinkedHashMap<>();
        Map<String, Integer> held = new LinkedHashMap<>();
        Set<String> uncounted = new TreeSet<>();
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
                return Salvaged.NOTHING_READABLE; // not even the list of tables can be read
            }
            try (Statement statement = fresh.createStatement()) {
                statement.execute("PRAGMA foreign_keys = OFF");
            }
            fresh.setAutoCommit(false);
            try {
                for (Map.Entry<String, Set<String>> table : known.entrySet()) {
                    Set<String> columns = present.get(table.getKey());
                    if (table.getKey().startsWith("sqlite_")) {
                        continue;
                    }
                    if (columns == null) {
                        uncounted.add(table.getKey());
                        continue;
                    }
                    count(source, table.getKey()).ifPresentOrElse(rows -> held.put(table.getKey(), rows),
                            () -> uncounted.add(table.getKey()));
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
        Map<String, Integer> lost = new LinkedHashMap<>();
        held.forEach((table, rows) -> {
            int missing = rows - recovered.getOrDefault(table, 0);
            if (missing > 0) {
                lost.put(table, missing);
            }
        });
        return new Salvaged(recovered, lost, uncounted);
    }

    /**
     * How many rows the damaged file's table holds, by any b-tree that still reads whole: the table itself, or one of
     * its indexes (an index keeps one entry per row, so a broken table page does not stop the count).
     */
    private static Optional<Integer> count(Connection source, String table) {
        List<String> ways = new ArrayList<>(List.of("", " NOT INDEXED"));
        try (PreparedStatement indexes = source.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")) {
            indexes.setString(1, table);
            try (ResultSet rows = indexes.executeQuery()) {
                while (rows.next()) {
                    ways.add(" INDEXED BY " + quoted(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            // The table and its own b-tree are still worth a try.
        }
        for (String way : ways) {
            try (Statement statement = source.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + quoted(table) + way)) {
                if (rows.next()) {
                    return Optional.of(rows.getInt(1));
                }
            } catch (SQLException e) {
                // A broken page in this b-tree: try the next.
            }
        }
        return Optional.empty();
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

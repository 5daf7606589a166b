package tj.migrantsguide.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Looks at a file of the data folder before the guide uses it, and says whether and how it is damaged. Only
 * damage is reported: a missing file, or one another process holds locked, is not damage (the latter is an error,
 * so that a busy file is never mistaken for a broken one and moved away).
 */
final class FileCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 100;

    private FileCheck() {}

    static Optional<Damage> inspect(Path file, StoreFile kind) throws IOException, SQLException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        long size = Files.size(file);
        if (size == 0) {
            // SQLite creates the file empty on open; a start interrupted right then leaves this. Nothing to lose.
            return Optional.empty();
        }
        byte[] header = new byte[HEADER];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER);
        }
        if (!startsWithMagic(header, read)) {
            return Optional.of(Damage.NOT_A_DATABASE);
        }
        if (read < HEADER) {
            return Optional.of(Damage.TRUNCATED);
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        int pageSize = Short.toUnsignedInt(fields.getShort(16));
        long pageBytes = pageSize == 1 ? 65_536 : pageSize;
        long changeCounter = Integer.toUnsignedLong(fields.getInt(24));
        long pages = Integer.toUnsignedLong(fields.getInt(28));
        long validFor = Integer.toUnsignedLong(fields.getInt(92));
        // The page count in the header is trusted by SQLite only when written with the current change counter.
        // With a write-ahead log beside the file the header may be ahead of the file: a checkpoint copies page 1
        // (the header) first and the file grows as later pages follow, so a kill mid-checkpoint leaves a short
        // file that SQLite completes from the log. Then only SQLite's own check below can tell damage.
        if (!hasLog(file) && validFor == changeCounter && pages > 0 && size < pages * pageBytes) {
            return Optional.of(Damage.TRUNCATED);
        }
        // Read-only: looking must not change the file (no checkpoint on close) before we know whether to keep it.
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                readOnly.toProperties())) {
            return inspectOpen(connection, kind);
        } catch (SQLiteException e) {
            SQLiteErrorCode code = e.getResultCode();
            int primary = code == null ? -1 : code.code & 0xff;
            if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                return Optional.of(Damage.CORRUPT);
            }
            if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
                return Optional.of(Damage.NOT_A_DATABASE);
            }
            throw e;
        }
    }

    private static Optional<Damage> inspectOpen(Connection connection, StoreFile kind) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
                if (!rows.next() || !"ok".equals(rows.getString(1))) {
                    return Optional.of(Damage.CORRUPT);
                }
            }
            int applicationId;
            try (ResultSet rows = statement.executeQuery("PRAGMA application_id")) {
                applicationId = rows.next() ? rows.getInt(1) : 0;
            }
            // 0: a file from before the id was written (version 1), or never migrated.
            if (applicationId != 0 && applicationId != kind.applicationId()) {
                return Optional.of(Damage.FOREIGN_FILE);
            }
        }
        int version = Migrations.userVersion(connection);
        if (version > Migrations.latestVersion()) {
            return Optional.of(Damage.NEWER_SCHEMA);
        }
        Map<String, Set<String>> expected = Migrations.schemaAt(kind, version);
        Map<String, Set<String>> actual = Migrations.schemaOf(connection, "main");
        if (version == 0 && !actual.isEmpty()) {
            // Tables but no version: not a file this app wrote.
            return Optional.of(Damage.FOREIGN_FILE);
        }
        for (Map.Entry<String, Set<String>> table : expected.entrySet()) {
            Set<String> columns = actual.get(table.getKey());
            if (columns == null || !columns.containsAll(table.getValue())) {
                return Optional.of(Damage.WRONG_SCHEMA);
            }
        }
        return Optional.empty();
    }

    private static boolean hasLog(Path file) throws IOException {
        Path log = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(log) && Files.size(log) > 0;
    }

    private static boolean startsWithMagic(byte[] header, int read) {
        int compared = Math.min(read, MAGIC.length);
        for (int i = 0; i < compared; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return compared > 0;
    }
}

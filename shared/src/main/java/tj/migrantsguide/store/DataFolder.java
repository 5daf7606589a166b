package tj.migrantsguide.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Opens the two files of a data folder, checking and repairing them first (docs/database.md, "Recovery"):
 * <ol>
 *   <li>a version-1 {@code guide.db} (content only) becomes {@code content.db};</li>
 *   <li>a damaged {@code content.db} is deleted: it holds nothing that the app's snapshot cannot restore;</li>
 *   <li>a damaged {@code user.db} is renamed (never deleted), a fresh one is created, and every row that can
 *       still be read from the damaged file is copied into it;</li>
 *   <li>both files are migrated, and opened on one connection: user.db as {@code main}, content.db attached as
 *       {@code content} (SQLite finds unqualified table names in either).</li>
 * </ol>
 */
final class DataFolder {
    static final String LEGACY_FILE = "guide.db";
    private static final List<String> COMPANIONS = List.of("-wal", "-journal");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** What had to be repaired before the files could be used. */
    record Repair(Optional<Damage> content, Optional<Damage> user, Salvage.Salvaged salvaged,
            Optional<String> keptAsideAs) {
        boolean any() {
            return content.isPresent() || user.isPresent();
        }
    }

    record Opened(Connection connection, Repair repair) {}

    private DataFolder() {}

    static Opened open(Path folder, Clock clock) throws IOException, SQLException {
        Files.createDirectories(folder);
        Path content = folder.resolve(StoreFile.CONTENT.fileName());
        Path user = folder.resolve(StoreFile.USER.fileName());
        adoptLegacyFile(folder, content);

        Optional<Damage> contentDamage = FileCheck.inspect(content, StoreFile.CONTENT);
        if (contentDamage.isPresent()) {
            delete(content);
        }
        Optional<Damage> userDamage = FileCheck.inspect(user, StoreFile.USER);
        Optional<Path> aside = Optional.empty();
        if (userDamage.isPresent()) {
            aside = Optional.of(setAside(user, clock));
        }

        migrate(content, StoreFile.CONTENT);
        migrate(user, StoreFile.USER);

        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + user.toAbsolutePath());
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS content")) {
                attach.setString(1, content.toAbsolutePath().toString());
                attach.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA main.synchronous = NORMAL");
                statement.execute("PRAGMA content.synchronous = NORMAL");
                // Search reads index pages all over the file; SQLite's default 2 MB cache keeps re-reading them.
                // Memory-mapped reads were a little faster still, but turn an I/O error into a crash: not taken.
                statement.execute("PRAGMA content.cache_size = -16000");
            }
            Salvage.Salvaged salvaged = Salvage.Salvaged.NOTHING_READABLE;
            if (aside.isPresent() && salvageable(userDamage.get())) {
                salvaged = salvage(aside.get(), connection);
            }
            return new Opened(connection, new Repair(contentDamage, userDamage, salvaged,
                    aside.map(p -> p.getFileName().toString())));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A connection to content.db alone (as {@code main}): the writer that applies updates, or the reader that
     * screens use. Both files are in WAL mode (set by the migrations), so the reader keeps reading the last
     * committed content while the writer works, and the writer never waits for readers.
     */
    static Connection contentConnection(Path folder, boolean forReading) throws SQLException {
        Path content = folder.resolve(StoreFile.CONTENT.fileName());
        SQLiteConfig config = new SQLiteConfig();
        if (forReading) {
            // Nothing a screen does can write content; and every read method runs in one read transaction.
            config.setReadOnly(true);
        } else {
            // The write lock is taken at BEGIN: a second writer (another process installing) waits its turn
            // (busy timeout) instead of failing half-way when a read-then-write transaction upgrades its lock.
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + content.toAbsolutePath(),
                config.toProperties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
            // Search reads index pages all over the file; SQLite's default 2 MB cache keeps re-reading them.
            // Memory-mapped reads were a little faster still, but turn an I/O error into a crash: not taken.
            statement.execute("PRAGMA cache_size = -16000");
            if (!forReading) {
                statement.execute("PRAGMA foreign_keys = ON"); // checklist items go with their checklist
                statement.execute("PRAGMA synchronous = NORMAL");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        if (forReading) {
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /**
     * Empty when a file can be created and written in the folder; else what the file system said (read-only
     * storage, no permission, no space left). Asked once at start: SQLite would open such a folder and fail at the
     * first write, or not open it at all when its WAL index cannot be created.
     */
    static Optional<IOException> whyNotWritable(Path folder) {
        Path probe = null;
        try {
            Files.createDirectories(folder);
            probe = Files.createTempFile(folder, ".write-check-", ".tmp");
            // One byte: an empty file needs no free block, so only a write shows a full disk.
            Files.write(probe, new byte[] {1});
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        } catch (UnsupportedOperationException | SecurityException e) {
            return Optional.of(new IOException(e.toString(), e));
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // A full disk can still delete; a read-only one never let us create it.
                }
            }
        }
    }

    /**
     * A copy of the folder's two files (and their WAL logs) in a new temporary folder, for a session that can only
     * read the real one. The copy is opened like any folder (checked, migrated, repaired in the copy only); the real
     * files are only read.
     */
    static Path sessionCopy(Path folder) throws IOException {
        return sessionCopy(folder, List.of(StoreFile.values()));
    }

    /** The same, of {@code kinds} only (the question outbox needs user.db alone). */
    static Path sessionCopy(Path folder, List<StoreFile> kinds) throws IOException {
        Path copy = Files.createTempDirectory("migrants-guide-read-only-");
        try {
            for (StoreFile kind : kinds) {
                Path file = folder.resolve(kind.fileName());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Files.copy(file, copy.resolve(kind.fileName()));
                Path wal = folder.resolve(kind.fileName() + "-wal");
                if (Files.isRegularFile(wal)) {
                    Files.copy(wal, copy.resolve(kind.fileName() + "-wal"));
                }
            }
            return copy;
        } catch (IOException | RuntimeException e) {
            deleteSessionCopy(copy);
            throw e;
        }
    }

    static void deleteSessionCopy(Path copy) {
        try (var files = Files.list(copy)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(copy);
        } catch (IOException ignored) {
            // A temporary folder; the system cleans it eventually.
        }
    }

    /**
     * Reads from a copy: SQLite writes to a file it opens (replaying its WAL), and the file set aside must stay
     * exactly as it was found, for a later, better rescue.
     */
    private static Salvage.Salvaged salvage(Path aside, Connection fresh) throws IOException, SQLException {
        Path copy = aside.resolveSibling(aside.getFileName() + ".reading");
        Path copyWal = copy.resolveSibling(copy.getFileName() + "-wal");
        try {
            Files.copy(aside, copy, StandardCopyOption.REPLACE_EXISTING);
            Path wal = aside.resolveSibling(aside.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, copyWal, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Salvage.rebuildHeader(copy, StoreFile.USER)) {
                return Salvage.Salvaged.NOTHING_READABLE;
            }
            return Salvage.copy(copy, fresh);
        } finally {
            Files.deleteIfExists(copyWal);
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + "-shm"));
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + "-journal"));
            Files.deleteIfExists(copy);
        }
    }

    /**
     * A file of another app holds nothing of ours. One that is "not a database" may have lost only its first bytes
     * (the header): {@link Salvage#rebuildHeader} finds out, and garbage gives up nothing.
     */
    private static boolean salvageable(Damage damage) {
        return damage != Damage.FOREIGN_FILE;
    }

    private static void migrate(Path file, StoreFile kind) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            Migrations.migrate(connection, kind);
        }
    }

    /** Version 1 kept content alone in guide.db: it is the content file now, migrated like any other. */
    private static void adoptLegacyFile(Path folder, Path content) throws IOException {
        Path legacy = folder.resolve(LEGACY_FILE);
        if (!Files.exists(legacy) || Files.exists(content)) {
            return;
        }
        for (String companion : COMPANIONS) {
            Path from = legacy.resolveSibling(LEGACY_FILE + companion);
            if (Files.exists(from)) {
                Files.move(from, content.resolveSibling(content.getFileName() + companion));
            }
        }
        Files.deleteIfExists(legacy.resolveSibling(LEGACY_FILE + "-shm"));
        Files.move(legacy, content);
    }

    /** Renames a damaged file (and its journal) to {@code user.db.damaged-20261123-100000}; returns the new path. */
    static Path setAside(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".damaged-" + STAMP.format(clock.instant());
        for (int attempt = 1; ; attempt++) {
            Path target = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
            if (Files.exists(target)) {
                continue;
            }
            try {
                for (String companion : COMPANIONS) {
                    Path from = file.resolveSibling(file.getFileName() + companion);
                    if (Files.exists(from)) {
                        Files.move(from, target.resolveSibling(target.getFileName() + companion));
                    }
                }
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (FileAlreadyExistsException e) {
                // Another start took this name a moment ago; try the next.
            }
        }
    }

    private static void delete(Path file) throws IOException {
        for (String companion : COMPANIONS) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + companion));
        }
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        Files.delete(file);
    }
}

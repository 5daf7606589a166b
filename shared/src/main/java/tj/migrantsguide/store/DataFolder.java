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
import java.util.Map;
import java.util.Optional;

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
    record Repair(Optional<Damage> content, Optional<Damage> user, Map<String, Integer> recovered,
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
            Map<String, Integer> recovered = Map.of();
            if (aside.isPresent() && salvageable(userDamage.get())) {
                recovered = salvage(aside.get(), connection);
            }
            return new Opened(connection, new Repair(contentDamage, userDamage, recovered,
                    aside.map(p -> p.getFileName().toString())));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Reads from a copy: SQLite writes to a file it opens (replaying its WAL), and the file set aside must stay
     * exactly as it was found, for a later, better rescue.
     */
    private static Map<String, Integer> salvage(Path aside, Connection fresh) throws IOException, SQLException {
        Path copy = aside.resolveSibling(aside.getFileName() + ".reading");
        Path copyWal = copy.resolveSibling(copy.getFileName() + "-wal");
        try {
            Files.copy(aside, copy, StandardCopyOption.REPLACE_EXISTING);
            Path wal = aside.resolveSibling(aside.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, copyWal, StandardCopyOption.REPLACE_EXISTING);
            }
            return Salvage.copy(copy, fresh);
        } finally {
            Files.deleteIfExists(copyWal);
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + "-shm"));
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + "-journal"));
            Files.deleteIfExists(copy);
        }
    }

    /** Nothing can be read from garbage, and a file of another app holds nothing of ours. */
    private static boolean salvageable(Damage damage) {
        return damage != Damage.NOT_A_DATABASE && damage != Damage.FOREIGN_FILE;
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

package tj.migrantsguide.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Asked before every write to the person's data (user.db): refuses, by name, a write that could not be kept. On
 * storage opened for reading only it says why (read-only or full, as found at the start); and it notices a file that
 * vanished under an open connection (the folder deleted, the USB stick pulled and the mount lazily gone): SQLite
 * would go on writing into the unlinked file without an error, and every later tick would be lost at exit.
 *
 * <p>One {@code stat} per write, a few microseconds; the file's identity (device and inode) is compared, so a new
 * file put at the same path does not pass for the one the connection holds.
 */
final class WriteGuard {
    private final Path file;
    private final Optional<Object> identity;
    private final Optional<GuideStore.ReadOnly> readOnly;

    private WriteGuard(Path file, Optional<Object> identity, Optional<GuideStore.ReadOnly> readOnly) {
        this.file = file;
        this.identity = identity;
        this.readOnly = readOnly;
    }

    /** For {@code file}, opened just now; {@code readOnly} when the folder could not take a write at the start. */
    static WriteGuard of(Path file, Optional<GuideStore.ReadOnly> readOnly) {
        return new WriteGuard(file, identity(file), Objects.requireNonNull(readOnly, "readOnly"));
    }

    /** Throws when this write cannot be kept; the message names the operation's file. */
    void check() throws Refused {
        if (readOnly.isPresent()) {
            throw new Refused(readOnly.get().problem(), readOnly.get().describe());
        }
        Optional<Object> now = identity(file);
        if (identity.isPresent() && !now.equals(identity)) {
            throw new Refused(StoreException.Problem.VANISHED, file + " is no longer there"
                    + (now.isPresent() ? " (another file took its place)" : ""));
        }
    }

    private static Optional<Object> identity(Path file) {
        try {
            return Optional.ofNullable(Files.readAttributes(file, BasicFileAttributes.class).fileKey())
                    .or(() -> Optional.of(file.toAbsolutePath().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A write refused before it started: nothing of it was done. */
    static final class Refused extends SQLException {
        private static final long serialVersionUID = 1L;
        private final StoreException.Problem problem;

        Refused(StoreException.Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        StoreException.Problem problem() {
            return problem;
        }
    }
}

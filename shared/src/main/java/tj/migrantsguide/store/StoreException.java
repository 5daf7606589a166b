package tj.migrantsguide.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The device database could not do what was asked; {@code operation} says what that was and {@link #problem()}
 * says why in a way a screen can act on (a full disk and a read-only folder each get their own message; nothing
 * written before is lost in either case: every write is one transaction, see docs/reliability.md).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the database could not do it, as far as a person can do something about it. */
    public enum Problem {
        /** The device's storage is full: free some space. The write was not done; earlier ones are all there. */
        DISK_FULL("the device's storage is full"),
        /** The data folder cannot be written (read-only storage, no permission): the guide can only be read. */
        READ_ONLY("the data folder cannot be written"),
        /**
         * The data folder is gone while the guide was open (the folder deleted, the storage removed): the write was
         * not done; reopen the guide where the folder is.
         */
        VANISHED("the data folder is gone"),
        /** Another program held the database longer than the wait allows; trying again usually works. */
        BUSY("the database is busy in another program"),
        /** Anything else (a bug, a damaged file found mid-way); the cause says more. */
        OTHER("the database failed");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        /** An English phrase for logs and the command line, e.g. "the device's storage is full". */
        public String words() {
            return words;
        }
    }

    private final String operation;
    private final Problem problem;

    public StoreException(String operation, Throwable cause) {
        this(operation, problemOf(cause), cause);
    }

    StoreException(String operation, Problem problem, Throwable cause) {
        super(operation + ": " + (problem == Problem.OTHER ? "" : problem.words() + ": ")
                + (cause == null ? "" : cause.getMessage()), cause);
        this.operation = operation;
        this.problem = problem;
    }

    public String operation() {
        return operation;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * Reads the cause chain: SQLite's result code where there is one (SQLITE_FULL, SQLITE_READONLY…), else what the
     * file system said (ENOSPC, EROFS, no permission).
     */
    static Problem problemOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException store) {
                return store.problem();
            }
            if (t instanceof WriteGuard.Refused refused) {
                return refused.problem();
            }
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() != null) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
                    return Problem.DISK_FULL;
                }
                if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code) {
                    return Problem.READ_ONLY;
                }
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
                    return Problem.BUSY;
                }
            }
            if (t instanceof ReadOnlyFileSystemException || t instanceof AccessDeniedException) {
                return Problem.READ_ONLY;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // The JDK and SQLite only say these in words (strerror): ENOSPC, EDQUOT, EROFS.
            if (message.contains("no space left") || message.contains("disk quota exceeded")
                    || message.contains("database or disk is full")) {
                return Problem.DISK_FULL;
            }
            if (message.contains("read-only file system") || (t instanceof FileSystemException
                    && message.contains("permission denied"))) {
                return Problem.READ_ONLY;
            }
        }
        return Problem.OTHER;
    }
}

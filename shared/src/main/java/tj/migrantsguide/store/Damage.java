package tj.migrantsguide.store;

/** What was wrong with a file of the data folder when the guide started. */
public enum Damage {
    /** Not an SQLite file at all (overwritten, garbage). */
    NOT_A_DATABASE,
    /** Shorter than its own header says: cut off by a full disk, a failed copy or a crash. */
    TRUNCATED,
    /** SQLite's own check ({@code PRAGMA quick_check}) found broken pages or indexes. */
    CORRUPT,
    /** A database of another app in the place of ours. */
    FOREIGN_FILE,
    /** Our file, but tables or columns are missing for the version it claims. */
    WRONG_SCHEMA,
    /** Written by a newer version of the app (after a downgrade). */
    NEWER_SCHEMA
}

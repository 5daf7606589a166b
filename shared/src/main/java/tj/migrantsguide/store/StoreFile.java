package tj.migrantsguide.store;

/**
 * The two SQLite files of the data folder. Content can be rebuilt at any time from the snapshot inside the app (or
 * the next feed); user data cannot, so it lives in a file of its own that a content update never writes to.
 */
enum StoreFile {
    CONTENT("content.db", 0x4D47_4331), // "MGC1"
    USER("user.db", 0x4D47_5531); // "MGU1"

    private final String fileName;
    private final int applicationId;

    StoreFile(String fileName, int applicationId) {
        this.fileName = fileName;
        this.applicationId = applicationId;
    }

    String fileName() {
        return fileName;
    }

    /** Written to the file header ({@code PRAGMA application_id}) so a file of another app is told apart. */
    int applicationId() {
        return applicationId;
    }

    /** The schema name the file has on the working connection (user.db is {@code main}). */
    String schema() {
        return this == USER ? "main" : "content";
    }
}

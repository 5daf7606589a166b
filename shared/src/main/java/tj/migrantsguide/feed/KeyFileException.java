package tj.migrantsguide.feed;

/** A key file that cannot be used: unreadable, not in the documented form, or a private and public half that differ. */
public final class KeyFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public KeyFileException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}

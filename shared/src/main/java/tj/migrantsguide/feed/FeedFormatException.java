package tj.migrantsguide.feed;

/** A feed file that cannot be understood: not JSON, a missing or wrong field, an unknown format. */
public class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public FeedFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public FeedFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
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

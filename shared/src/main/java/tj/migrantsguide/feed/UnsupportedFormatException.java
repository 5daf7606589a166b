package tj.migrantsguide.feed;

/** An index in a format this app does not read (a newer app published it): the cure is an app update. */
public final class UnsupportedFormatException extends FeedFormatException {
    private static final long serialVersionUID = 1L;

    private final int format;

    public UnsupportedFormatException(String file, int format) {
        super(file, "format " + format + " is not supported (this app reads format " + FeedIndex.FORMAT + ")");
        this.format = format;
    }

    /** The format the file says it is in. */
    public int format() {
        return format;
    }
}

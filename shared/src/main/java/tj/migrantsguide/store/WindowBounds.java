package tj.migrantsguide.store;

/** Where the window was and how big, in screen pixels, to open it the same way next time. */
public record WindowBounds(int x, int y, int width, int height) {
    public WindowBounds {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("window of " + width + " × " + height);
        }
    }
}

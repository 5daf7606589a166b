package tj.migrantsguide.store;

/** How large the app draws text, for people who read better with bigger letters. */
public enum TextSize {
    SMALL(0.85f),
    NORMAL(1.0f),
    LARGE(1.2f),
    LARGEST(1.45f);

    private final float scale;

    TextSize(float scale) {
        this.scale = scale;
    }

    /** Factor applied to the theme's font sizes. */
    public float scale() {
        return scale;
    }
}

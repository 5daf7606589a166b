package tj.migrantsguide.store;

import java.util.Optional;

/**
 * How large the app draws text, the steps Settings offers: 200 % is the largest the phone-sized window must fit
 * without cutting text. Kept in user.db as its percent.
 */
public enum TextSize {
    NORMAL(100),
    LARGER(125),
    LARGE(150),
    VERY_LARGE(175),
    LARGEST(200);

    private final int percent;

    TextSize(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** Factor applied to the theme's font sizes. */
    public float scale() {
        return percent / 100f;
    }

    public static Optional<TextSize> fromPercent(int percent) {
        for (TextSize size : values()) {
            if (size.percent == percent) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }

    /** The nearest step at or above {@code scale} (for {@code --font-scale 1.3}), capped at the largest. */
    public static TextSize nearest(float scale) {
        for (TextSize size : values()) {
            if (size.scale() >= scale - 0.001f) {
                return size;
            }
        }
        return LARGEST;
    }
}

package tj.migrantsguide.content.server;

import java.time.Duration;

/** {@code burst} requests at once, then one more each {@code refillEvery}; {@link #NONE} lets everything through. */
public record RateLimit(int burst, Duration refillEvery) {
    public static final RateLimit NONE = new RateLimit(Integer.MAX_VALUE, Duration.ZERO);

    public RateLimit {
        if (burst < 1 || refillEvery.isNegative()) {
            throw new IllegalArgumentException("a limit needs a burst of at least 1 and a refill time");
        }
    }

    boolean unlimited() {
        return refillEvery.isZero();
    }
}

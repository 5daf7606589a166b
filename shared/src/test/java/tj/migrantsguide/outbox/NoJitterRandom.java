package tj.migrantsguide.outbox;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Random keys and tokens from a fixed seed, and no jitter: retry times become exact and predictable. */
final class NoJitterRandom implements RandomGenerator {
    private final SplittableRandom random;

    NoJitterRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    /** Jitter is drawn with a bound; always the smallest value, so waits are exactly the backoff step. */
    @Override
    public long nextLong(long bound) {
        return 0;
    }
}

package tj.migrantsguide.content.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per key (a device token's hash, an address): {@code burst} requests at once, then one more each
 * {@code refillEvery}. Kept in memory: enough for one reference server; several servers would share a store.
 */
final class RateLimiter {
    private static final int FORGET_ABOVE = 10_000;

    private record Bucket(double tokens, Instant at) {}

    private final RateLimit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes one request's worth for {@code key}: empty when allowed, else how long until the next one is. */
    synchronized Optional<Duration> acquire(String key) {
        if (limit.unlimited()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Bucket bucket = refilled(buckets.get(key), now);
        if (bucket.tokens() >= 1) {
            buckets.put(key, new Bucket(bucket.tokens() - 1, now));
            forgetIdleBucketsIfMany(now);
            return Optional.empty();
        }
        buckets.put(key, bucket);
        long waitMillis = (long) Math.ceil((1 - bucket.tokens()) * limit.refillEvery().toMillis());
        return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
    }

    /** How long until {@code key} may take a request, without taking one: empty when it may now. */
    synchronized Optional<Duration> waitFor(String key) {
        if (limit.unlimited()) {
            return Optional.empty();
        }
        Bucket bucket = refilled(buckets.get(key), clock.instant());
        if (bucket.tokens() >= 1) {
            return Optional.empty();
        }
        long waitMillis = (long) Math.ceil((1 - bucket.tokens()) * limit.refillEvery().toMillis());
        return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
    }

    /** Gives back one request's worth taken by {@link #acquire} for a request that turned out to cost nothing. */
    synchronized void refund(String key) {
        if (limit.unlimited()) {
            return;
        }
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            buckets.put(key, new Bucket(Math.min(limit.burst(), bucket.tokens() + 1), bucket.at()));
        }
    }

    private Bucket refilled(Bucket bucket, Instant now) {
        if (bucket == null) {
            return new Bucket(limit.burst(), now);
        }
        double elapsed = Math.max(0, Duration.between(bucket.at(), now).toMillis());
        double tokens = Math.min(limit.burst(), bucket.tokens() + elapsed / limit.refillEvery().toMillis());
        return new Bucket(tokens, now);
    }

    /** A full bucket is the same as no bucket: drop those so that the map does not grow without end. */
    private void forgetIdleBucketsIfMany(Instant now) {
        if (buckets.size() <= FORGET_ABOVE) {
            return;
        }
        for (Iterator<Map.Entry<String, Bucket>> i = buckets.entrySet().iterator(); i.hasNext(); ) {
            if (refilled(i.next().getValue(), now).tokens() >= limit.burst()) {
                i.remove();
            }
        }
    }
}

package tj.migrantsguide.questions;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** When to try again: exponential steps with jitter, or what the server asked for in Retry-After. */
final class Backoff {
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

    private Backoff() {}

    /**
     * The wait after the {@code failedAttempts}-th failure in a row: 30 s, 1 min, 2 min … capped at 1 h, each
     * shortened by a random part of up to a quarter, so that devices that lost the network together do not all
     * come back at the same second. Never above the cap.
     */
    static Duration afterFailure(int failedAttempts, RandomGenerator random) {
        long first = QuestionLimits.RETRY_FIRST.toMillis();
        long max = QuestionLimits.RETRY_MAX.toMillis();
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        long step = first << doublings;
        if (step <= 0 || step > max) {
            step = max;
        }
        long jitter = random.nextLong(step / 4 + 1);
        return Duration.ofMillis(step - jitter);
    }

    /**
     * A Retry-After header: whole seconds or an HTTP date (RFC 9110). Empty when absent or unreadable. Held to
     * at least a second (a server saying "0" must not make the outbox spin) and at most a day.
     */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration wait;
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (value.length() > 9) {
                wait = QuestionLimits.RETRY_AFTER_MAX;
            } else {
                wait = Duration.ofSeconds(Long.parseLong(value));
            }
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        if (wait.compareTo(MIN_RETRY_AFTER) < 0) {
            wait = MIN_RETRY_AFTER;
        }
        if (wait.compareTo(QuestionLimits.RETRY_AFTER_MAX) > 0) {
            wait = QuestionLimits.RETRY_AFTER_MAX;
        }
        return Optional.of(wait);
    }
}

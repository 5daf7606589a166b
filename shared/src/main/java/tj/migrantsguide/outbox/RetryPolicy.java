package tj.migrantsguide.outbox;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The outbox's whole retry schedule, in one place: which answers are worth trying again, how long to wait after a
 * failure (exponential steps with jitter, or what the server asked for in Retry-After), and how often the device's
 * sender looks for answers and for the network while questions wait.
 */
public final class RetryPolicy {
    /** First retry after a network error or a busy server; doubles each time up to {@link #RETRY_MAX}. */
    public static final Duration RETRY_FIRST = Duration.ofSeconds(30);
    public static final Duration RETRY_MAX = Duration.ofHours(1);
    /** A server asking to wait longer than this (Retry-After) is not believed: the outbox tries again after a day. */
    public static final Duration RETRY_AFTER_MAX = Duration.ofDays(1);
    /** While a sent question waits for its answer, the device's sender asks the server this often. */
    public static final Duration ANSWER_POLL = Duration.ofMinutes(15);
    /** While questions wait for a connection, the sender looks at the computer's network this often. */
    public static final Duration NETWORK_CHECK = Duration.ofSeconds(30);

    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

    private RetryPolicy() {}

    /**
     * The wait after the {@code failedAttempts}-th failure in a row: 30 s, 1 min, 2 min … capped at 1 h, each
     * shortened by a random part of up to a quarter, so that devices that lost the network together do not all
     * come back at the same second. Never above the cap.
     */
    static Duration afterFailure(int failedAttempts, RandomGenerator random) {
        long first = RETRY_FIRST.toMillis();
        long max = RETRY_MAX.toMillis();
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
                wait = RETRY_AFTER_MAX;
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
        if (wait.compareTo(RETRY_AFTER_MAX) > 0) {
            wait = RETRY_AFTER_MAX;
        }
        return Optional.of(wait);
    }

    /**
     * Statuses after which the same request may succeed later. 409 is here although it is a 4xx: the server
     * answers it while an earlier copy of the same request is still being processed (a resend after the app was
     * killed), and a later try gets the stored answer; 425 (Too Early) likewise.
     */
    static boolean isRetryable(int status) {
        return status == 408 || status == 409 || status == 425 || status == 429 || (status >= 500 && status < 600);
    }
}

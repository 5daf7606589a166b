package tj.migrantsguide.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void waitsDoubleFromThirtySecondsUpToAnHour() {
        NoJitterRandom noJitter = new NoJitterRandom(1);
        List<Long> seconds = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 50, Integer.MAX_VALUE).stream()
                .map(n -> RetryPolicy.afterFailure(n, noJitter).toSeconds()).toList();

        assertEquals(List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L, 3600L), seconds);
    }

    @Test
    void jitterSpreadsWaitsWithinTheLastQuarterBelowTheStep() {
        SplittableRandom random = new SplittableRandom(7);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration wait = RetryPolicy.afterFailure(1, random);
            assertTrue(wait.compareTo(Duration.ofMillis(22_500)) >= 0 && wait.compareTo(Duration.ofSeconds(30)) <= 0,
                    wait.toString());
            Duration capped = RetryPolicy.afterFailure(20, random);
            assertTrue(capped.compareTo(Duration.ofMinutes(45)) >= 0 && capped.compareTo(Duration.ofHours(1)) <= 0,
                    capped.toString());
            seen.add(wait);
        }
        assertTrue(seen.size() > 100, "waits are spread, not all the same: " + seen.size());
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryPolicy.retryAfter(Optional.of("120"), NOW));
        assertEquals(Optional.of(Duration.ofMinutes(5)),
                RetryPolicy.retryAfter(Optional.of("Mon, 23 Nov 2026 10:05:00 GMT"), NOW));
    }

    @Test
    void retryAfterIsHeldBetweenASecondAndADay() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), RetryPolicy.retryAfter(Optional.of("0"), NOW));
        assertEquals(Optional.of(Duration.ofSeconds(1)),
                RetryPolicy.retryAfter(Optional.of("Sun, 22 Nov 2026 10:00:00 GMT"), NOW));
        assertEquals(Optional.of(Duration.ofDays(1)), RetryPolicy.retryAfter(Optional.of("999999999999"), NOW));
        assertEquals(Optional.of(Duration.ofDays(1)), RetryPolicy.retryAfter(Optional.of("604800"), NOW));
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        assertEquals(Optional.empty(), RetryPolicy.retryAfter(Optional.empty(), NOW));
        assertEquals(Optional.empty(), RetryPolicy.retryAfter(Optional.of("soon"), NOW));
        assertEquals(Optional.empty(), RetryPolicy.retryAfter(Optional.of("-5"), NOW));
        assertEquals(Optional.empty(), RetryPolicy.retryAfter(Optional.of(""), NOW));
    }
}

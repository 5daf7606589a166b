package tj.migrantsguide.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.store.ContentConsistency;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.PersonalDate;

/**
 * My dates under a real kill (SIGKILL of a {@link CrashChild} saving dates): every date the child saw committed is
 * there after the restart, with no gap, and each computed deadline and its notice are there together or not at all
 * (one transaction), so a notice is never told twice nor lost.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES) // against a hang only; nothing here is timed
class DatesCrashTest {
    static final List<Integer> POINTS = List.of(0, 1, 3, 9, 27);
    private static final Clock CLOCK = Clock.fixed(CrashChild.NOW, ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void savingDatesKilledAnywhereKeepsEveryCommittedDateAndNoticeAndNoHalfOne() throws Exception {
        for (int point : POINTS) {
            Path data = temp.resolve("dates-" + point);
            try (ChildJvm app = ChildJvm.start(CrashChild.class, "dates", data.toString(), "100000")) {
                app.awaitLine("DATED " + point, Duration.ofSeconds(90));
                app.kill();
            }
            try (GuideStore store = GuideStore.open(data, CLOCK)) {
                assertEquals(Optional.empty(), store.user().unseenRecovery(), "a kill is not damage");
                List<PersonalDate> dates = store.user().dates().dates(1);
                int saved = dates.size();
                assertTrue(saved >= point + 1, "date " + point + " was committed before the kill: " + saved);
                for (int i = 0; i < saved; i++) {
                    int n = i;
                    assertTrue(dates.stream().anyMatch(d -> d.countryCode().equals("C" + n)), "no gap at " + n);
                }
                int seen = store.user().dates().seen(1).size();
                int notices = store.user().dates().notices(1, false).size();
                assertEquals(seen, notices, "a deadline and its notice are written together");
                assertTrue(seen == saved || seen == saved - 1, saved + " dates, " + seen + " deadlines");
                // The person goes on where they stopped.
                store.user().dates().set(1, "C" + saved, DateEvent.ENTRY, java.time.LocalDate.of(2026, 11, 2));
                assertEquals(saved + 1, store.user().dates().dates(1).size());
            }
            ContentConsistency.integrity(data);
        }
        System.out.println("[reliability] dates: killed at " + POINTS.size() + " points, each after the n-th"
                + " committed date; every committed date and notice kept");
    }
}

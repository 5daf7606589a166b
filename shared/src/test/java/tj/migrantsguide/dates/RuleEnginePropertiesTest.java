package tj.migrantsguide.dates;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tj.migrantsguide.guide.RuleLength;

/** What must hold for every rule and every day: a deadline never before its event, and never earlier for a later one. */
class RuleEnginePropertiesTest {
    private static final LocalDate FIRST = MyDates.EARLIEST;

    @Provide
    Arbitrary<RuleLength> lengths() {
        Arbitrary<Integer> days = Arbitraries.integers().between(1, RuleLength.MOST_DAYS);
        Arbitrary<RuleLength> inAny = Combinators.combine(Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(1, 200)).filter((n, m) -> n <= m).as(RuleLength.DaysInAny::new);
        return Arbitraries.oneOf(days.map(RuleLength.CalendarDays::new), days.map(RuleLength.WorkingDays::new),
                Arbitraries.just(new RuleLength.Monthly()), inAny);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 60 * 366).map(FIRST::plusDays);
    }

    @Provide
    Arbitrary<List<Stay>> stays() {
        Arbitrary<Stay> stay = Combinators.combine(Arbitraries.integers().between(0, 60 * 366),
                Arbitraries.integers().between(0, 120)).as((start, length) -> new Stay(FIRST.plusDays(start),
                FIRST.plusDays(start + length)));
        return stay.list().ofMaxSize(3);
    }

    @Property(tries = 2000)
    void aDeadlineIsNeverBeforeItsEvent(@ForAll("lengths") RuleLength length, @ForAll("days") LocalDate event,
            @ForAll("stays") List<Stay> stays) {
        LocalDate due = RuleEngine.due(length, event, WorkingCalendar.withoutHolidays(), before(stays, event)).day();
        assertFalse(due.isBefore(event), () -> length.code() + " from " + event + " gave " + due);
    }

    @Property(tries = 2000)
    void movingTheEventLaterNeverMovesTheDeadlineEarlier(@ForAll("lengths") RuleLength length,
            @ForAll("days") LocalDate event, @ForAll @IntRange(min = 1, max = 400) int later,
            @ForAll("stays") List<Stay> stays) {
        List<Stay> earlier = before(stays, event);
        LocalDate first = RuleEngine.due(length, event, WorkingCalendar.withoutHolidays(), earlier).day();
        LocalDate second = RuleEngine.due(length, event.plusDays(later), WorkingCalendar.withoutHolidays(), earlier)
                .day();
        assertFalse(second.isBefore(first), () -> length.code() + ": " + event + " gave " + first + ", "
                + event.plusDays(later) + " gave " + second);
    }

    /** Earlier stays are the ones that ended before this entry. */
    private static List<Stay> before(List<Stay> stays, LocalDate entry) {
        List<Stay> earlier = new ArrayList<>();
        for (Stay stay : stays) {
            if (stay.to().isBefore(entry)) {
                earlier.add(stay);
            }
        }
        return earlier;
    }
}

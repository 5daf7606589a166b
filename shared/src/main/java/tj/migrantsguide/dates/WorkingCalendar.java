package tj.migrantsguide.dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Which days count as working days in a country: Monday to Friday, less the public holidays where the feed lists
 * them. Without a list ({@link #withoutHolidays()}) a deadline in working days is the earliest it can be (a holiday
 * only ever pushes it later), and is flagged as such.
 */
public record WorkingCalendar(Set<DayOfWeek> weekend, Optional<Set<LocalDate>> holidays) {
    public WorkingCalendar {
        weekend = Set.copyOf(weekend);
        holidays = holidays.map(Set::copyOf);
    }

    private static final Set<DayOfWeek> SATURDAY_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** Saturday and Sunday off, no holiday list: today's feed has none. */
    public static WorkingCalendar withoutHolidays() {
        return new WorkingCalendar(SATURDAY_SUNDAY, Optional.empty());
    }

    public static WorkingCalendar withHolidays(Set<LocalDate> holidays) {
        return new WorkingCalendar(SATURDAY_SUNDAY, Optional.of(holidays));
    }

    boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && holidays.map(h -> !h.contains(day)).orElse(true);
    }

    boolean knowsHolidays() {
        return holidays.isPresent();
    }
}

package tj.migrantsguide.dates;

import java.time.LocalDate;
import java.util.List;
import tj.migrantsguide.guide.RuleLength;

/**
 * Computes a rule's deadline from the day of its event. Dates only: the caller takes "today" in the destination's
 * zone ({@link Destinations#today}). How each kind counts (docs/dates.md):
 * <ul>
 *   <li>{@code N calendar-days}: the period starts the day after the event and ends N days later
 *       (entry on 1 December, 15 days: 16 December), as a period in days is counted in the destinations' civil law;
 *   <li>{@code N working-days}: the N-th working day after the event;
 *   <li>{@code monthly}: the event's day of the next month, or that month's last day where it has none (31 January:
 *       28 or 29 February);
 *   <li>{@code N days-in-any M}: the last day of a stay begun on the event such that no window of M days holds more
 *       than N days of presence, earlier stays included; the day of entry counts as a day present.
 * </ul>
 */
public final class RuleEngine {
    private RuleEngine() {}

    public static DueDate due(RuleLength length, LocalDate event) {
        return due(length, event, WorkingCalendar.withoutHolidays(), List.of());
    }

    /**
     * @param calendar the country's working days (for {@code working-days})
     * @param earlierStays stays before this one (for {@code days-in-any}); none when the person entered none
     */
    public static DueDate due(RuleLength length, LocalDate event, WorkingCalendar calendar, List<Stay> earlierStays) {
        if (length.problem().isPresent()) {
            throw new IllegalArgumentException(length.problem().get());
        }
        if (length instanceof RuleLength.CalendarDays c) {
            return new DueDate(event.plusDays(c.days()), false);
        }
        if (length instanceof RuleLength.WorkingDays w) {
            LocalDate day = event;
            int counted = 0;
            while (counted < w.days()) {
                day = day.plusDays(1);
                if (calendar.isWorkingDay(day)) {
                    counted++;
                }
            }
            return new DueDate(day, !calendar.knowsHolidays());
        }
        if (length instanceof RuleLength.Monthly) {
            return new DueDate(event.plusMonths(1), false); // plusMonths keeps the day or takes the month's last
        }
        RuleLength.DaysInAny d = (RuleLength.DaysInAny) length;
        return new DueDate(lastDayOfStay(d.days(), d.period(), event, earlierStays), false);
    }

    /**
     * The last day present in the stay begun on {@code entry} with at most {@code days} in any {@code period};
     * {@code entry} itself when earlier stays left no day at all (the person must leave at once).
     */
    private static LocalDate lastDayOfStay(int days, int period, LocalDate entry, List<Stay> earlier) {
        LocalDate last = entry;
        // A day d is allowed when the window [d - period + 1, d] holds at most `days` days present. Staying on
        // adds days, so the first day that breaks the limit ends the stay; no stay can last more than `days` days.
        for (LocalDate d = entry; !d.isAfter(entry.plusDays(days - 1)); d = d.plusDays(1)) {
            if (presentIn(d.minusDays(period - 1), d, entry, earlier) > days) {
                break;
            }
            last = d;
        }
        return last;
    }

    private static int presentIn(LocalDate from, LocalDate to, LocalDate entry, List<Stay> earlier) {
        int present = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            if (!d.isBefore(entry) || earlier.stream().anyMatch(s -> s.covers(d))) {
                present++;
            }
        }
        return present;
    }
}

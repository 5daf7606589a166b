package tj.migrantsguide.dates;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The last day of a rule's period for one event.
 *
 * @param earliestPossible a working-day count made without the country's holidays: the real deadline is this day or
 *     later, and the app says so
 */
public record DueDate(LocalDate day, boolean earliestPossible) {
    public DueDate {
        Objects.requireNonNull(day, "day");
    }
}

package tj.migrantsguide.dates;

import java.time.LocalDate;
import java.util.Objects;

/** An earlier stay in the country, both days included (the day of entry and the day of leaving count as present). */
public record Stay(LocalDate from, LocalDate to) {
    public Stay {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a stay ends on or after its first day: " + from + " to " + to);
        }
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}

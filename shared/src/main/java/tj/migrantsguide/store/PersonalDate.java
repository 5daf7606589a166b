package tj.migrantsguide.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import tj.migrantsguide.guide.DateEvent;

/**
 * A day a person entered once (entry into Russia, the patent issued…): kept in user.db, never sent, never touched by
 * a content update; the deadlines are computed from it and the feed's rules.
 *
 * @param countryCode the destination it happened in
 */
public record PersonalDate(long personId, String countryCode, DateEvent event, LocalDate day, Instant setAt) {
    public PersonalDate {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(setAt, "setAt");
    }
}

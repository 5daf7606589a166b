package tj.migrantsguide.dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;

/**
 * One of a person's deadlines: the rule (in the reader's language) and the day they entered that it counts from.
 * A rule the feed withdrew leaves its last deadline here, with no rule ({@link #withdrawn()}).
 *
 * @param rule empty when the feed no longer has the rule
 * @param title the rule's title in the reader's language (its last known one, for a withdrawn rule)
 * @param earliestPossible counted without the country's holidays: the real deadline may be later
 */
public record Deadline(String ruleId, String countryCode, Optional<DateRule> rule, String title, DateEvent event,
        LocalDate eventDay, LocalDate due, boolean earliestPossible) {
    public Deadline {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventDay, "eventDay");
        Objects.requireNonNull(due, "due");
    }

    public boolean withdrawn() {
        return rule.isEmpty();
    }

    /** Days from {@code today} to the deadline: 0 on its day, negative once it has passed. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }

    public boolean overdue(LocalDate today) {
        return today.isAfter(due);
    }

    /** The rule's sources, for "why is it this date"; none for a withdrawn rule. */
    public List<String> sources() {
        return rule.map(DateRule::sources).orElse(List.of());
    }
}

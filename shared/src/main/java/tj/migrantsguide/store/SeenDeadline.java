package tj.migrantsguide.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.Language;

/**
 * The deadline a rule gave a person when it was last computed, kept so that a rule changed by an update is told once
 * ("moved from 12 to 5 December"), and so that a rule the feed withdrew still shows its last date.
 *
 * @param event the event the rule counted from
 * @param eventDay the person's day it was computed from: a different day means the person changed it (no notice)
 * @param length the rule's length then ({@code RuleLength.code()})
 * @param titles the rule's title in each language then, to show it after it is withdrawn
 * @param withdrawn whether the feed no longer has the rule
 */
public record SeenDeadline(long personId, String ruleId, String countryCode, DateEvent event, LocalDate eventDay,
        String length, LocalDate due, Map<Language, String> titles, boolean withdrawn) {
    public SeenDeadline {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventDay, "eventDay");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(due, "due");
        titles = Map.copyOf(titles);
    }
}

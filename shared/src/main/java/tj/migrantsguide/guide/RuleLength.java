package tj.migrantsguide.guide;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a {@link DateRule} gives, written one way everywhere (sources, feed, databases): {@code 15 calendar-days},
 * {@code 7 working-days}, {@code monthly}, {@code 90 days-in-any 180}. How each is counted: docs/dates.md.
 */
public sealed interface RuleLength {
    /** The longest period a rule may give, in days (ten years): a larger number is a typing mistake. */
    int MOST_DAYS = 3650;

    /** The text form, as {@link #parse} reads it. */
    String code();

    /** N calendar days after the event. */
    record CalendarDays(int days) implements RuleLength {
        public String code() {
            return days + " calendar-days";
        }
    }

    /** N working days after the event (Monday to Friday; holidays where the feed lists them). */
    record WorkingDays(int days) implements RuleLength {
        public String code() {
            return days + " working-days";
        }
    }

    /** Every month, on the event's day of the month (the month's last day where it has no such day). */
    record Monthly() implements RuleLength {
        public String code() {
            return "monthly";
        }
    }

    /** At most N days of presence in any window of M days. */
    record DaysInAny(int days, int period) implements RuleLength {
        public String code() {
            return days + " days-in-any " + period;
        }
    }

    /**
     * Reads the text form; empty when it is none of the four shapes. Numbers are not range-checked here (the
     * linter says which is out of range: {@link #problem()}).
     */
    static Optional<RuleLength> parse(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.equals("monthly")) {
            return Optional.of(new Monthly());
        }
        Matcher m = Pattern.compile("^([0-9]{1,6}) (calendar-days|working-days)$").matcher(t);
        if (m.matches()) {
            int days = Integer.parseInt(m.group(1));
            return Optional.of(m.group(2).equals("calendar-days") ? new CalendarDays(days) : new WorkingDays(days));
        }
        m = Pattern.compile("^([0-9]{1,6}) days-in-any ([0-9]{1,6})$").matcher(t);
        if (m.matches()) {
            return Optional.of(new DaysInAny(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        return Optional.empty();
    }

    /** What is wrong with the numbers (each 1 to {@link #MOST_DAYS}, N no more than M), if anything. */
    default Optional<String> problem() {
        if (this instanceof CalendarDays c && (c.days() < 1 || c.days() > MOST_DAYS)) {
            return Optional.of(c.days() + " calendar days is outside 1.." + MOST_DAYS);
        }
        if (this instanceof WorkingDays w && (w.days() < 1 || w.days() > MOST_DAYS)) {
            return Optional.of(w.days() + " working days is outside 1.." + MOST_DAYS);
        }
        if (this instanceof DaysInAny d) {
            if (d.days() < 1 || d.days() > MOST_DAYS || d.period() < 1 || d.period() > MOST_DAYS) {
                return Optional.of(d.days() + " days in any " + d.period() + ": each number must be 1.." + MOST_DAYS);
            }
            if (d.days() > d.period()) {
                return Optional.of(d.days() + " days in any " + d.period() + ": more days than the period has");
            }
        }
        return Optional.empty();
    }
}

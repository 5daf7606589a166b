package tj.migrantsguide.dates;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import tj.migrantsguide.guide.DateRule;

/**
 * "Add to calendar": a person's deadlines as an iCalendar file (RFC 5545) made by ical4j, one all-day event per
 * deadline with alarms {@link #ALARM_DAYS_BEFORE} days before, so a phone's calendar reminds them even when the app
 * is closed. Dates are floating (no time zone): the phone shows each on its day wherever it is. The file is the
 * same for the same deadlines and clock (UIDs from the person and rule, DTSTAMP from the clock).
 */
public final class CalendarFile {
    /** Reminders: three days before, and the day before. */
    public static final List<Integer> ALARM_DAYS_BEFORE = List.of(3, 1);
    public static final String PRODUCT = "-//Migrant's Guide//My dates//EN";

    private CalendarFile() {}

    /** The calendar of {@code deadlines} (withdrawn rules left out: there is no rule to remind of). */
    public static String write(long personId, List<Deadline> deadlines, Clock clock) {
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODUCT))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN);
        for (Deadline deadline : deadlines) {
            if (deadline.withdrawn()) {
                continue;
            }
            DateRule rule = deadline.rule().orElseThrow();
            VEvent event = new VEvent(deadline.due(), rule.title())
                    .replace(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                    .add(new Uid(rule.id() + "-" + deadline.eventDay() + "-person-" + personId + "@migrants-guide"))
                    .add(new Description(description(deadline, rule)));
            for (int days : ALARM_DAYS_BEFORE) {
                VAlarm alarm = new VAlarm(Period.ofDays(-days));
                alarm.add(new Action(Action.VALUE_DISPLAY));
                alarm.add(new Description(rule.title() + ": " + deadline.due()));
                event.add((Component) alarm); // a component, not a property: VEvent holds both

            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string", e);
        }
        return out.toString();
    }

    /** Writes the calendar to {@code file}: a temp file beside it, then renamed over it. */
    public static void write(Path file, long personId, List<Deadline> deadlines, Clock clock) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".my-dates", ".ics.tmp");
        try {
            Files.writeString(temp, write(personId, deadlines, clock), StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The rule in words, what happens when missed, and why the date is what it is. */
    private static String description(Deadline deadline, DateRule rule) {
        List<String> lines = new ArrayList<>();
        lines.add(rule.body());
        lines.add(rule.missed());
        lines.add(rule.length().code() + " from " + deadline.event().code() + " " + deadline.eventDay()
                + (deadline.earliestPossible() ? " (the earliest it can be: holidays not counted)" : ""));
        rule.sources().forEach(lines::add);
        lines.add("verified: " + rule.verified().map(Object::toString).orElse("unknown").toLowerCase(Locale.ROOT));
        return String.join("\n", lines);
    }
}

package tj.migrantsguide.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestRules;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;

/** The .ics file, read back by ical4j's own parser: one all-day event per deadline, with its alarms. */
class CalendarFileTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T20:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static Deadline deadline(DateRule rule, String entry, String due) {
        return new Deadline(rule.id(), rule.countryCode(), Optional.of(rule), rule.title(), DateEvent.ENTRY,
                LocalDate.parse(entry), LocalDate.parse(due), false);
    }

    private static Calendar read(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void eachDeadlineIsAnAllDayEventWithTwoDisplayAlarmsThatTheParserReadsBack() throws Exception {
        List<Deadline> deadlines = List.of(deadline(TestRules.russia(Language.RUSSIAN), "2026-11-30", "2026-12-15"),
                deadline(TestRules.kazakhstan(Language.RUSSIAN), "2026-11-30", "2026-12-30"));
        Path file = temp.resolve("my-dates.ics");
        CalendarFile.write(file, 1, deadlines, clock);

        Calendar calendar = read(Files.readString(file));
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        VEvent first = events.get(0);
        assertEquals(LocalDate.of(2026, 12, 15), first.getStartDate().orElseThrow().getDate());
        assertEquals("Register your stay (ru)", first.getProperty(Property.SUMMARY).orElseThrow().getValue());
        assertTrue(first.getProperty(Property.DESCRIPTION).orElseThrow().getValue()
                .contains("004_48969e50023832c2.txt:31"));
        assertEquals("register-stay-ru-2026-11-30-person-1@migrants-guide",
                first.getProperty(Property.UID).orElseThrow().getValue());
        List<VAlarm> alarms = first.getComponents(Component.VALARM);
        assertEquals(List.of(java.time.Period.ofDays(-3), java.time.Period.ofDays(-1)),
                alarms.stream().map(a -> a.getTrigger().orElseThrow().getDuration()).toList());
        for (VAlarm alarm : alarms) {
            assertEquals("DISPLAY", alarm.getProperty(Property.ACTION).orElseThrow().getValue());
            assertTrue(alarm.getProperty(Property.DESCRIPTION).isPresent());
        }
    }

    @Test
    void theSameDeadlinesAndClockGiveTheSameFile() {
        List<Deadline> deadlines = List.of(deadline(TestRules.russia(Language.TAJIK), "2026-11-30", "2026-12-15"));
        String ics = CalendarFile.write(1, deadlines, clock);
        assertEquals(ics, CalendarFile.write(1, deadlines, clock));
        assertTrue(ics.contains("DTSTAMP:20261203T203000Z"), ics);
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20261215"), ics);
        assertTrue(ics.contains("TRIGGER:-P3D"), ics);
    }

    @Test
    void aWithdrawnRuleIsLeftOutOfTheCalendar() throws Exception {
        Deadline withdrawn = new Deadline("register-stay-ru", "RU", Optional.empty(), "Register", DateEvent.ENTRY,
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-15"), false);
        assertEquals(0, read(CalendarFile.write(1, List.of(withdrawn), clock)).getComponents(Component.VEVENT)
                .size());
    }
}

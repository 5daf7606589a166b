package tj.migrantsguide.dates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.RuleLength;

/** Every kind of rule length, at the edges of months, years and time zones. */
class RuleEngineTest {
    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static LocalDate due(RuleLength length, String event) {
        return RuleEngine.due(length, day(event)).day();
    }

    // ---- calendar days ----

    @Test
    void fifteenCalendarDaysAfterEntryOnTheFirstEndOnTheSixteenth() {
        assertEquals(day("2026-12-16"), due(new RuleLength.CalendarDays(15), "2026-12-01"));
    }

    @Test
    void calendarDaysRunOverMonthAndYearEnds() {
        assertEquals(day("2027-01-14"), due(new RuleLength.CalendarDays(30), "2026-12-15"));
        assertEquals(day("2026-02-14"), due(new RuleLength.CalendarDays(15), "2026-01-30"));
    }

    @Test
    void calendarDaysCountTheTwentyNinthOfFebruaryInALeapYear() {
        assertEquals(day("2028-03-10"), due(new RuleLength.CalendarDays(15), "2028-02-24"));
        assertEquals(day("2027-03-11"), due(new RuleLength.CalendarDays(15), "2027-02-24"));
    }

    // ---- working days ----

    @Test
    void workingDaysSkipTheWeekendAndSayTheyAreTheEarliestPossibleWithoutAHolidayList() {
        // Friday 4 December 2026: 1 = Mon 7 … 5 = Fri 11, 6 = Mon 14, 7 = Tue 15.
        DueDate due = RuleEngine.due(new RuleLength.WorkingDays(7), day("2026-12-04"));
        assertEquals(day("2026-12-15"), due.day());
        assertTrue(due.earliestPossible());
    }

    @Test
    void aKnownHolidayPushesTheDeadlineLaterAndMakesItExact() {
        WorkingCalendar calendar = WorkingCalendar.withHolidays(Set.of(day("2026-12-08")));
        DueDate due = RuleEngine.due(new RuleLength.WorkingDays(7), day("2026-12-04"), calendar, List.of());
        assertEquals(day("2026-12-16"), due.day());
        assertFalse(due.earliestPossible());
    }

    @Test
    void anEventOnAWeekendCountsFromTheNextWorkingDay() {
        assertEquals(day("2026-12-07"), due(new RuleLength.WorkingDays(1), "2026-12-05")); // Saturday
        assertEquals(day("2026-12-07"), due(new RuleLength.WorkingDays(1), "2026-12-06")); // Sunday
    }

    // ---- monthly ----

    @Test
    void monthlyFromTheThirtyFirstOfJanuaryIsTheLastDayOfFebruary() {
        assertEquals(day("2027-02-28"), due(new RuleLength.Monthly(), "2027-01-31"));
        assertEquals(day("2028-02-29"), due(new RuleLength.Monthly(), "2028-01-31")); // leap year
        assertEquals(day("2028-02-29"), due(new RuleLength.Monthly(), "2028-01-29"));
    }

    @Test
    void monthlyKeepsTheAnniversaryDayAndCrossesTheYear() {
        assertEquals(day("2027-01-15"), due(new RuleLength.Monthly(), "2026-12-15"));
        assertEquals(day("2026-05-30"), due(new RuleLength.Monthly(), "2026-04-30"));
        assertEquals(day("2026-04-30"), due(new RuleLength.Monthly(), "2026-03-31"));
    }

    // ---- days in any period ----

    @Test
    void aFirstStayMayLastTheWholeAllowanceCountingTheDayOfEntry() {
        // 90 days in any 180, entered 1 December 2026: day 1 is 1 December, day 90 is 28 February 2027.
        assertEquals(day("2027-02-28"), due(new RuleLength.DaysInAny(90, 180), "2026-12-01"));
    }

    @Test
    void earlierStaysInTheWindowShortenTheStay() {
        // 30 days spent in October, then entry on 1 December: 60 days left within the window.
        List<Stay> october = List.of(new Stay(day("2026-10-01"), day("2026-10-30")));
        LocalDate last = RuleEngine.due(new RuleLength.DaysInAny(90, 180), day("2026-12-01"),
                WorkingCalendar.withoutHolidays(), october).day();
        assertEquals(day("2027-01-29"), last);
    }

    @Test
    void staysThatFellOutOfTheWindowGiveTheirDaysBack() {
        // 10 days in any 30: ten days in the first days of November are out of the window by mid-December.
        List<Stay> november = List.of(new Stay(day("2026-11-01"), day("2026-11-10")));
        LocalDate last = RuleEngine.due(new RuleLength.DaysInAny(10, 30), day("2026-12-15"),
                WorkingCalendar.withoutHolidays(), november).day();
        assertEquals(day("2026-12-24"), last);
    }

    @Test
    void withNoDayLeftTheDeadlineIsTheDayOfEntryItself() {
        List<Stay> full = List.of(new Stay(day("2026-11-01"), day("2026-11-10")));
        LocalDate last = RuleEngine.due(new RuleLength.DaysInAny(10, 30), day("2026-11-12"),
                WorkingCalendar.withoutHolidays(), full).day();
        assertEquals(day("2026-11-12"), last);
    }

    @Test
    void refusesALengthOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> due(new RuleLength.CalendarDays(0), "2026-12-01"));
        assertThrows(IllegalArgumentException.class, () -> due(new RuleLength.DaysInAny(181, 180), "2026-12-01"));
    }

    // ---- time zones ----

    @Test
    void aPersonInMoscowAtHalfPastElevenIsOnMoscowsDate() {
        // 23:30 in Moscow on 3 December is 20:30 UTC: still the 3rd there, and already the 4th in Almaty (UTC+5)
        // and Seoul.
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T20:30:00Z"), ZoneOffset.UTC);
        assertEquals(day("2026-12-03"), Destinations.today("RU", clock));
        assertEquals(day("2026-12-04"), Destinations.today("KR", clock));
        // Half an hour later in Moscow it is the 4th, whatever the device's own zone says.
        Clock later = Clock.fixed(Instant.parse("2026-12-03T21:00:00Z"), java.time.ZoneId.of("America/New_York"));
        assertEquals(day("2026-12-04"), Destinations.today("RU", later));
    }

    @Test
    void aCountryWithoutAKnownZoneUsesTheDevicesZone() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T23:30:00Z"), java.time.ZoneId.of("Asia/Tokyo"));
        assertEquals(day("2026-12-04"), Destinations.today("JP", clock));
    }

    @Test
    void lengthsReadBackFromTheirWrittenForm() {
        for (RuleLength length : List.of(new RuleLength.CalendarDays(15), new RuleLength.WorkingDays(7),
                new RuleLength.Monthly(), new RuleLength.DaysInAny(90, 180))) {
            assertEquals(java.util.Optional.of(length), RuleLength.parse(length.code()));
        }
        assertEquals(java.util.Optional.empty(), RuleLength.parse("15 days"));
    }
}

package tj.migrantsguide.dates;

import java.time.LocalDate;

/**
 * Why a day a person typed was not saved (nothing is changed): each reason carries what it was about.
 */
public sealed interface DateProblem {
    /** A line for the command line, in English. */
    String describe();

    /** Not a date written YYYY-MM-DD, or no such day (2026-02-30). */
    record NotADate(String text) implements DateProblem {
        public String describe() {
            return "'" + text + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01";
        }
    }

    /** Before {@link MyDates#EARLIEST}: a typing mistake (no migrant's current deadline counts from then). */
    record TooEarly(LocalDate day, LocalDate earliest) implements DateProblem {
        public String describe() {
            return day + " is before " + earliest + ": check the year";
        }
    }

    /** A day that has already happened (entry, registration…) cannot be after today in the destination. */
    record InTheFuture(LocalDate day, LocalDate today, String countryCode) implements DateProblem {
        public String describe() {
            return day + " is after today (" + today + " in " + countryCode + "): enter the day it happened";
        }
    }

    /** A person the device does not have. */
    record NoSuchPerson(String name) implements DateProblem {
        public String describe() {
            return "no person '" + name + "' on this device";
        }
    }
}

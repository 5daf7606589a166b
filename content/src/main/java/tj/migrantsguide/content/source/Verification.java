package tj.migrantsguide.content.source;

import java.time.LocalDate;

/** An item's {@code verified:} line, read once by the loader. */
public sealed interface Verification {
    /** No {@code verified:} line at all. */
    record Missing() implements Verification {}

    /** {@code verified: unknown}: no editor could date the check (content/SPEC.md, Verification dates). */
    record Unknown(int line) implements Verification {}

    /** {@code verified: 2026-11-23}. */
    record On(LocalDate date, int line) implements Verification {}

    /** Neither a date nor {@code unknown}; the loader reported {@link Rule#BAD_DATE}. */
    record Unreadable(String value, int line) implements Verification {}
}

package tj.migrantsguide;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Obligation;
import tj.migrantsguide.guide.RuleLength;

/**
 * The two real date rules of content/guide (Russia's 15 days, 004_48969e50023832c2.txt:31; Kazakhstan's 30,
 * 004_48969e50023832c2.txt:37) for tests, and the same rule with another length for "the rule changed" (a length
 * no source gives: only ever a test's changed rule, never shown as a fact).
 */
public final class TestRules {
    public static final Optional<LocalDate> VERIFIED = Optional.of(LocalDate.of(2026, 12, 3));

    private TestRules() {}

    public static DateRule russia(Language language) {
        return russia(language, new RuleLength.CalendarDays(15));
    }

    public static DateRule russia(Language language, RuleLength length) {
        return new DateRule("register-stay-ru", "RU", language, Obligation.REGISTER_STAY, DateEvent.ENTRY, length,
                "Register your stay (" + language.code() + ")", "Citizens of Tajikistan may stay in Russia for 15 days"
                        + " after entry without migration registration.", "You lose your legal status.",
                "registration-15-days", List.of("ministry-office-russia"),
                List.of("004_48969e50023832c2.txt:31 | \"without migration registration for 15 days after entry\""),
                VERIFIED, 100);
    }

    public static DateRule kazakhstan(Language language) {
        return new DateRule("register-stay-kz", "KZ", language, Obligation.REGISTER_STAY, DateEvent.ENTRY,
                new RuleLength.CalendarDays(30), "Register your stay (" + language.code() + ")",
                "Citizens of Tajikistan have 30 days to register in Kazakhstan.", "You lose your legal status.",
                "registration-30-days", List.of("embassy-kazakhstan"),
                List.of("004_48969e50023832c2.txt:37 | \"extension of the registration period for Tajik citizens in"
                        + " Kazakhstan to 30 days\""), VERIFIED, 100);
    }
}
